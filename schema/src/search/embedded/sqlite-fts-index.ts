import Database from 'better-sqlite3';
import type {
  FacetName,
  SearchDocument,
  SearchHit,
  SearchIndex,
  SearchRequest,
  SearchResult,
} from '../search-index.js';
import { highlightText } from '../text/highlight.js';
import { matchedVersionNo } from '../text/match.js';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../text/query.js';
import { emptyResult, matchesNothing, validateSearchRequest } from '../validate-request.js';
import { rowTerms, toDocRow } from './doc-row.js';
import { buildFtsMatch } from './fts-query.js';
import { orderBy } from './order-by.js';
import { CREATE_SCHEMA, SCHEMA_VERSION } from './schema-sql.js';
import { buildSqlFilter } from './sql-filter.js';
import { prepareStatements, type Statements } from './statements.js';
import { Vocabulary } from './vocabulary.js';

const FACET_COLUMNS: Record<FacetName, string> = {
  organisationId: 'd.organisation_id',
  platform: 'd.platform',
  accountId: 'd.account_id',
  status: 'd.status',
  kind: 'd.kind',
  year: 'd.year',
};

type Row = Record<string, string | number | null>;

const MATCHING_ROWIDS = 'SELECT rowid FROM search_fts WHERE search_fts MATCH ?';

/** Runs synchronous better-sqlite3 work behind the async interface; a throw becomes a rejection. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * SQLite FTS5 search in its own database file (or ':memory:'), through better-sqlite3. Synchronous
 * underneath: a query blocks the event loop for its duration (milliseconds; see perf-notes).
 */
export class SqliteFtsSearchIndex implements SearchIndex {
  readonly name = 'sqlite-fts5';
  private db: Database.Database | null = null;
  private statements: Statements | null = null;
  private vocabulary: Vocabulary | null = null;
  /** Search SQL varies only with which filters and facets are present, so few shapes recur. */
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly file: string) {}

  init(): Promise<void> {
    return run(() => {
      if (this.db) return;
      const db = new Database(this.file);
      try {
        if (this.file !== ':memory:') db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        const version = db.pragma('user_version', { simple: true }) as number;
        // Derived data: a file of another layout is deleted and rebuilt from the database, not migrated.
        if (version !== 0 && version !== SCHEMA_VERSION) {
          throw new Error(
            `search index ${this.file} has layout ${version}, expected ${SCHEMA_VERSION}: delete it and reindex`,
          );
        }
        db.exec(CREATE_SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
        this.statements = prepareStatements(db);
        this.vocabulary = new Vocabulary(db);
        this.db = db;
      } catch (error) {
        db.close();
        throw error;
      }
    });
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return run(() => {
      const { db, statements: s, vocabulary } = this.open();
      const terms = new Set<string>();
      db.transaction(() => {
        for (const doc of docs) {
          const row = toDocRow(doc);
          // A contentless FTS table cannot tell whether a rowid exists, so deleting one that does not
          // would leave a tombstone: delete only what an earlier upsert put there.
          const existed = s.selectRid.get(doc.id) !== undefined;
          const { rid } = s.upsertDoc.get(...row.docs)!;
          s.upsertText.run(rid, row.versions);
          if (existed) s.deleteFts.run(rid);
          s.insertFts.run(rid, ...row.fts);
          rowTerms(row, terms);
        }
        vocabulary.add(terms);
      })();
      vocabulary.invalidate();
    });
  }

  remove(ids: string[]): Promise<void> {
    return run(() => {
      const { db, statements: s, vocabulary } = this.open();
      db.transaction(() => {
        for (const id of ids) {
          const deleted = s.deleteDoc.get(id);
          if (!deleted) continue;
          s.deleteText.run(deleted.rid);
          s.deleteFts.run(deleted.rid);
        }
      })();
      vocabulary.invalidate();
    });
  }

  search(request: SearchRequest): Promise<SearchResult> {
    return run(() => this.searchNow(request));
  }

  count(): Promise<number> {
    return run(() => this.open().db.prepare('SELECT count(*) FROM search_docs').pluck().get() as number);
  }

  clear(): Promise<void> {
    return run(() => {
      const { db, vocabulary } = this.open();
      db.transaction(() => {
        db.exec(
          "DELETE FROM search_docs; DELETE FROM search_texts; INSERT INTO search_fts (search_fts) VALUES ('delete-all');",
        );
        db.exec('DELETE FROM search_vocab');
      })();
      vocabulary.invalidate();
    });
  }

  /** Merges the FTS index into one b-tree: worth running after a full rebuild. Not part of SearchIndex. */
  optimize(): Promise<void> {
    return run(() => {
      this.open().db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize'); PRAGMA optimize;");
    });
  }

  close(): Promise<void> {
    return run(() => {
      const db = this.db;
      this.db = null;
      this.statements = null;
      this.vocabulary = null;
      this.prepared.clear();
      db?.close();
    });
  }

  private statement(db: Database.Database, sql: string): Database.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) {
      if (this.prepared.size >= 500) this.prepared.clear();
      stmt = db.prepare(sql);
      this.prepared.set(sql, stmt);
    }
    return stmt;
  }

  private open(): { db: Database.Database; statements: Statements; vocabulary: Vocabulary } {
    if (!this.db || !this.statements || !this.vocabulary)
      throw new Error('SqliteFtsSearchIndex: call init() first');
    return { db: this.db, statements: this.statements, vocabulary: this.vocabulary };
  }

  private searchNow(request: SearchRequest): SearchResult {
    validateSearchRequest(request);
    const { db, statements, vocabulary } = this.open();
    if (matchesNothing(request)) return emptyResult(request);

    const query = parseQuery(request.text);
    const filter = buildSqlFilter(request);
    const match = isEmptyQuery(query)
      ? null
      : buildFtsMatch(query, (w) => vocabulary.candidates(w.word, w.typos));
    // Counting, faceting and date order walk the organisation's covering index and probe the set of
    // FTS matches; only relevance order needs the FTS cursor itself (for bm25).
    const where = match === null ? filter.where : `d.rid IN (${MATCHING_ROWIDS}) AND ${filter.where}`;
    const params = match === null ? filter.params : [match, ...filter.params];
    const { total, facets } = this.countAndFacets(db, request.facets ?? [], where, params);
    if (total === 0 || request.offset >= total) return { total, hits: [], facets };

    const order = orderBy(
      request,
      match,
      buildFtsMatch(query, () => []),
    );
    const sql = order.usesFts
      ? `SELECT d.rid, d.id FROM search_fts JOIN search_docs d ON d.rid = search_fts.rowid
         WHERE search_fts MATCH ? AND ${filter.where} ORDER BY ${order.sql} LIMIT ? OFFSET ?`
      : `SELECT d.rid, d.id FROM search_docs d WHERE ${where} ORDER BY ${order.sql} LIMIT ? OFFSET ?`;
    const rows = this.statement(db, sql).all(...params, ...order.params, request.limit, request.offset) as {
      rid: number;
      id: string;
    }[];
    const textual = match === null ? null : query;
    return { total, hits: rows.map((r) => toHit(r.id, statements.selectText.get(r.rid), textual)), facets };
  }

  /** One grouped query yields both the exact total and every requested facet. */
  private countAndFacets(
    db: Database.Database,
    names: readonly FacetName[],
    where: string,
    params: readonly (string | number)[],
  ): { total: number; facets: SearchResult['facets'] } {
    const unique = [...new Set(names)];
    if (unique.length === 0) {
      const row = this.statement(db, `SELECT count(*) AS n FROM search_docs d WHERE ${where}`).get(
        ...params,
      ) as Row;
      const total = Number(row.n);
      return { total, facets: {} };
    }
    const columns = unique.map((n, i) => `${FACET_COLUMNS[n]} AS f${i}`).join(', ');
    const groupBy = unique.map((_, i) => `f${i}`).join(', ');
    const rows = this.statement(
      db,
      `SELECT ${columns}, count(*) AS n FROM search_docs d WHERE ${where} GROUP BY ${groupBy}`,
    ).all(...params) as Row[];
    const facets: SearchResult['facets'] = Object.fromEntries(unique.map((n) => [n, {}]));
    let total = 0;
    for (const row of rows) {
      const n = Number(row.n);
      total += n;
      unique.forEach((name, i) => {
        const value = row[`f${i}`];
        if (value === null || value === undefined) return;
        const counts = facets[name]!;
        counts[String(value)] = (counts[String(value)] ?? 0) + n;
      });
    }
    return { total, facets };
  }
}

function toHit(id: string, versionsJson: string | undefined, query: ParsedQuery | null): SearchHit {
  const versions = JSON.parse(versionsJson ?? '[]') as { versionNo: number; text: string }[];
  const current = versions.at(-1);
  return {
    id,
    highlight: current ? highlightText(current.text, query) : null,
    matchedVersionNo: query ? matchedVersionNo(versions, query) : null,
  };
}
