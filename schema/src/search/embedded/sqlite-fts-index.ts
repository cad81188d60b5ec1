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
import { BM25_WEIGHTS, CREATE_SCHEMA, SCHEMA_VERSION } from './schema-sql.js';
import { buildSqlFilter } from './sql-filter.js';
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

/** Runs synchronous better-sqlite3 work behind the async interface; a throw becomes a rejection. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

interface Statements {
  upsertDoc: Database.Statement<unknown[], { rid: number }>;
  deleteDoc: Database.Statement<[string], { rid: number }>;
  insertFts: Database.Statement<[number, string, string, string]>;
  deleteFts: Database.Statement<[number]>;
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
        if (version > SCHEMA_VERSION)
          throw new Error(`search index ${this.file} has newer schema ${version}`);
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
          const { rid } = s.upsertDoc.get(...row.docs)!;
          s.deleteFts.run(rid);
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
          if (deleted) s.deleteFts.run(deleted.rid);
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
        db.exec("DELETE FROM search_docs; INSERT INTO search_fts (search_fts) VALUES ('delete-all');");
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
    const { db, vocabulary } = this.open();
    if (matchesNothing(request)) return emptyResult(request);

    const query = parseQuery(request.text);
    const filter = buildSqlFilter(request);
    const match = isEmptyQuery(query)
      ? null
      : buildFtsMatch(query, (w) => vocabulary.candidates(w.word, w.typos));
    const from =
      match === null ? 'search_docs d' : 'search_fts JOIN search_docs d ON d.rid = search_fts.rowid';
    const where = match === null ? filter.where : `search_fts MATCH ? AND ${filter.where}`;
    const params = match === null ? filter.params : [match, ...filter.params];

    const { total, facets } = this.countAndFacets(db, request.facets ?? [], from, where, params);
    if (total === 0 || request.offset >= total) return { total, hits: [], facets };

    const order = orderBy(
      request,
      match,
      buildFtsMatch(query, () => []),
    );
    const sql = `SELECT d.id, d.versions FROM ${from} WHERE ${where} ORDER BY ${order.sql} LIMIT ? OFFSET ?`;
    const rows = this.statement(db, sql).all(...params, ...order.params, request.limit, request.offset) as {
      id: string;
      versions: string;
    }[];
    return { total, hits: rows.map((r) => toHit(r, match === null ? null : query)), facets };
  }

  /** One grouped query yields both the exact total and every requested facet. */
  private countAndFacets(
    db: Database.Database,
    names: readonly FacetName[],
    from: string,
    where: string,
    params: readonly (string | number)[],
  ): { total: number; facets: SearchResult['facets'] } {
    const unique = [...new Set(names)];
    if (unique.length === 0) {
      const row = this.statement(db, `SELECT count(*) AS n FROM ${from} WHERE ${where}`).get(
        ...params,
      ) as Row;
      const total = Number(row.n);
      return { total, facets: {} };
    }
    const columns = unique.map((n, i) => `${FACET_COLUMNS[n]} AS f${i}`).join(', ');
    const groupBy = unique.map((_, i) => `f${i}`).join(', ');
    const rows = this.statement(
      db,
      `SELECT ${columns}, count(*) AS n FROM ${from} WHERE ${where} GROUP BY ${groupBy}`,
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

function prepareStatements(db: Database.Database): Statements {
  return {
    upsertDoc: db.prepare(
      `INSERT INTO search_docs (id, organisation_id, platform, kind, status, account_id, author_kind, created_at,
         year, conversation_id, language, has_media, versions)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id, platform = excluded.platform,
         kind = excluded.kind, status = excluded.status, account_id = excluded.account_id,
         author_kind = excluded.author_kind, created_at = excluded.created_at, year = excluded.year,
         conversation_id = excluded.conversation_id, language = excluded.language,
         has_media = excluded.has_media, versions = excluded.versions
       RETURNING rid`,
    ),
    deleteDoc: db.prepare('DELETE FROM search_docs WHERE id = ? RETURNING rid'),
    insertFts: db.prepare('INSERT INTO search_fts (rowid, text, history, author) VALUES (?, ?, ?, ?)'),
    deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
  };
}

/**
 * Relevance puts documents that match every word without a typo first (Meilisearch's typo rule; bm25
 * alone would rank a rare misspelt neighbour above the word asked for), then bm25, then newest.
 */
function orderBy(
  request: SearchRequest,
  match: string | null,
  exactMatch: string | null,
): { sql: string; params: string[] } {
  const sort = request.sort ?? (match !== null ? 'relevance' : 'newest');
  if (sort === 'oldest') return { sql: 'd.created_at ASC, d.id ASC', params: [] };
  if (sort === 'newest' || match === null) return { sql: 'd.created_at DESC, d.id ASC', params: [] };
  const relevance = `bm25(search_fts, ${BM25_WEIGHTS}), d.created_at DESC, d.id ASC`;
  if (exactMatch === null || exactMatch === match) return { sql: relevance, params: [] };
  return {
    sql: `d.rid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?), ${relevance}`,
    params: [exactMatch],
  };
}

function toHit(row: { id: string; versions: string }, query: ParsedQuery | null): SearchHit {
  const versions = JSON.parse(row.versions) as { versionNo: number; text: string }[];
  const current = versions.at(-1);
  return {
    id: row.id,
    highlight: current ? highlightText(current.text, query) : null,
    matchedVersionNo: query ? matchedVersionNo(versions, query) : null,
  };
}
