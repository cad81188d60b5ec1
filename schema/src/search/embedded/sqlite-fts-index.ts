import Database from 'better-sqlite3';
import type { SearchDocument, SearchHit, SearchIndex, SearchRequest, SearchResult } from '../search-index.js';
import { highlightText } from '../text/highlight.js';
import { matchedVersionNo } from '../text/match.js';
import { isEmptyQuery, parseQuery, type ParsedQuery } from '../text/query.js';
import { emptyResult, matchesNothing, validateSearchRequest } from '../validate-request.js';
import { compileFilter, scan } from './column-filter.js';
import { Dictionaries } from './dictionary.js';
import { DocColumns } from './doc-columns.js';
import { rowTerms, toDocRow } from './doc-row.js';
import { buildFtsMatch } from './fts-query.js';
import { MatchSets } from './match-sets.js';
import { hitOrder, relevanceOrder } from './ranking.js';
import { CREATE_SCHEMA, DROP_SCHEMA, SCHEMA_VERSION } from './schema-sql.js';
import { prepareStatements, type Statements } from './statements.js';
import { topK, topKByScore } from './top-k.js';
import { ScanCache } from './scan-cache.js';
import { Vocabulary } from './vocabulary.js';

export interface SqliteFtsOptions {
  /**
   * Relevance uses bm25 when the text matches at most this many documents, and newest-first within
   * the exact/typo buckets beyond (see ranking.ts). Default 2,000: bm25 costs FTS5 ~1.5 µs per
   * matching document (3 ms at the limit), the largest single cost of a mid-sized query.
   */
  bm25Limit?: number;
  /**
   * Cache sizes (defaults in parentheses). Zeros make every query recompute everything, which the
   * tests use to check the uncached paths.
   */
  cache?: {
    /** Hits kept per order of a cached scan (100: five pages of 20). */
    firstHits?: number;
    /** Scans cached (2,048). */
    scanEntries?: number;
    /** Rids kept across cached scans, for other orders and deep pages (4,000,000). */
    scanRids?: number;
    /** Bytes of cached match sets (48 MB). */
    matchBytes?: number;
  };
}

const MMAP_BYTES = 2 ** 30;

/** Runs synchronous better-sqlite3 work behind the async interface; a throw becomes a rejection. */
function run<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

interface Open {
  db: Database.Database;
  statements: Statements;
  vocabulary: Vocabulary;
  dictionaries: Dictionaries;
  columns: DocColumns;
  matchSets: MatchSets;
  scans: ScanCache;
}

/**
 * SQLite FTS5 search in its own database file (or ':memory:'), through better-sqlite3. FTS5 finds
 * the documents a text matches; filtering, counting, faceting and ordering run over the documents'
 * fields held in memory (DocColumns), which keeps exact totals and facets fast for broad queries.
 * Synchronous underneath: a query blocks the event loop for its duration (milliseconds).
 */
export class SqliteFtsSearchIndex implements SearchIndex {
  readonly name = 'sqlite-fts5';
  private state: Open | null = null;
  /** `PRAGMA data_version` at the last refresh: it changes when another connection commits. */
  private seenVersion: number | null = null;
  private readonly bm25Limit: number;
  private readonly firstHits: number;

  constructor(
    private readonly file: string,
    private readonly options: SqliteFtsOptions = {},
  ) {
    this.bm25Limit = options.bm25Limit ?? 2_000;
    this.firstHits = options.cache?.firstHits ?? 100;
  }

  init(): Promise<void> {
    return run(() => {
      if (this.state) return;
      const db = new Database(this.file);
      try {
        if (this.file !== ':memory:') db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        // B-tree pages of a million-document index do not fit SQLite's default 2 MB cache.
        db.pragma('cache_size = -65536');
        // Reads of the page's rows and FTS5's pages through the OS page cache without a read() each.
        db.pragma(`mmap_size = ${MMAP_BYTES}`);
        const version = db.pragma('user_version', { simple: true }) as number;
        // Derived data: a file of another layout is emptied and rebuilt from the database (the index
        // worker reindexes an empty index of a non-empty archive), not migrated.
        if (version !== 0 && version !== SCHEMA_VERSION) db.exec(DROP_SCHEMA);
        db.exec(CREATE_SCHEMA);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
        const dictionaries = new Dictionaries(db);
        dictionaries.refresh();
        this.state = {
          db,
          statements: prepareStatements(db),
          vocabulary: new Vocabulary(db),
          dictionaries,
          columns: new DocColumns(db),
          matchSets: new MatchSets(db, this.options.cache?.matchBytes),
          scans: new ScanCache(this.options.cache?.scanRids, this.options.cache?.scanEntries),
        };
        this.seenVersion = null;
      } catch (error) {
        db.close();
        throw error;
      }
    });
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return run(() => {
      const { db, statements: s, vocabulary, dictionaries } = this.open();
      const terms = new Set<string>();
      try {
        db.transaction(() => {
          let seq = s.readSeq.get()!;
          for (const doc of docs) {
            const row = toDocRow(doc, dictionaries);
            // A contentless FTS table cannot tell whether a rowid exists, so deleting one that does not
            // would leave a tombstone: delete only what an earlier upsert put there.
            const before = s.selectDoc.get(doc.id);
            const { rid } = s.upsertDoc.get(doc.id, ++seq, ...row.fields)!;
            s.upsertText.run(rid, row.versions);
            if (before && before.removed === 0) s.deleteFts.run(rid);
            s.insertFts.run(rid, ...row.fts);
            rowTerms(row, terms);
          }
          s.writeSeq.run(seq);
          vocabulary.add(terms);
        })();
      } catch (error) {
        dictionaries.reload();
        throw error;
      }
      this.changed();
    });
  }

  remove(ids: string[]): Promise<void> {
    return run(() => {
      const { db, statements: s } = this.open();
      db.transaction(() => {
        let seq = s.readSeq.get()!;
        for (const id of ids) {
          // The row stays (removed) so other processes' in-memory fields learn of the removal.
          const removed = s.markRemoved.get(seq + 1, id);
          if (!removed) continue;
          seq++;
          s.deleteText.run(removed.rid);
          s.deleteFts.run(removed.rid);
        }
        s.writeSeq.run(seq);
      })();
      this.changed();
    });
  }

  search(request: SearchRequest): Promise<SearchResult> {
    // One read transaction: the fields, matches and page rows come from the same snapshot even while
    // another process writes.
    return run(() => this.open().db.transaction(() => this.searchNow(request))());
  }

  warm(): Promise<void> {
    return run(() => void this.current());
  }

  count(): Promise<number> {
    return run(
      () =>
        this.open().db.prepare('SELECT count(*) FROM search_docs WHERE removed = 0').pluck().get() as number,
    );
  }

  clear(): Promise<void> {
    return run(() => {
      const { db } = this.open();
      db.transaction(() => {
        db.exec(
          "DELETE FROM search_docs; DELETE FROM search_texts; INSERT INTO search_fts (search_fts) VALUES ('delete-all');",
        );
        db.exec(
          "DELETE FROM search_vocab; UPDATE search_meta SET value = value + 1 WHERE key = 'generation'",
        );
      })();
      this.changed();
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
      const db = this.state?.db;
      this.state = null;
      db?.close();
    });
  }

  private open(): Open {
    if (!this.state) throw new Error('SqliteFtsSearchIndex: call init() first');
    return this.state;
  }

  /** After a local write (`data_version` only reports other connections' commits). */
  private changed(): void {
    this.seenVersion = null;
  }

  /** Catches up with writes by any connection before a search. */
  private current(): Open {
    const state = this.open();
    const version = state.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.seenVersion) {
      state.columns.refresh();
      state.dictionaries.refresh();
      state.vocabulary.invalidate();
      state.matchSets.invalidate();
      state.scans.clear();
      this.seenVersion = version;
    }
    return state;
  }

  private searchNow(request: SearchRequest): SearchResult {
    validateSearchRequest(request);
    const state = this.current();
    if (matchesNothing(request)) return emptyResult(request);
    const { columns, dictionaries, matchSets, vocabulary, statements, scans } = state;

    const query = parseQuery(request.text);
    const match = isEmptyQuery(query)
      ? null
      : buildFtsMatch(query, (w) => vocabulary.candidates(w.word, w.typos));
    const f = request.filter ?? {};
    const facetNames = [...new Set(request.facets ?? [])].sort();
    const scanKey = JSON.stringify([match, request.organisationIds, f, facetNames]);
    const computeScan = () => {
      let candidates: Uint32Array | null;
      if (f.conversationId !== undefined) {
        const inConversation = Uint32Array.from(statements.conversationRids.all(f.conversationId));
        const inMatch = match === null ? null : matchSets.bits(match);
        candidates = inMatch === null ? inConversation : inConversation.filter((rid) => inMatch.has(rid));
      } else candidates = match === null ? null : matchSets.get(match);
      const result = scan(
        columns,
        dictionaries,
        candidates,
        compileFilter(request, dictionaries),
        facetNames,
      );
      scans.put(scanKey, result);
      return result;
    };
    let scanned = scans.get(scanKey) ?? computeScan();
    const { total } = scanned;
    // Copies: the scan (and its counts) stays cached for the next request.
    const facets = Object.fromEntries(
      Object.entries(scanned.facets).map(([name, counts]) => [name, { ...counts }]),
    );
    if (total === 0 || request.offset >= total) return { total, hits: [], facets };

    const sort = request.sort ?? (match !== null ? 'relevance' : 'newest');
    const orderOf = () =>
      sort !== 'relevance' || match === null
        ? hitOrder(sort === 'relevance' ? 'newest' : sort, columns, null, null)
        : relevanceOrder(query, match, {
            columns,
            matchSets,
            bm25: statements.bm25,
            bm25Limit: this.bm25Limit,
          });

    const ids = new Map<number, string>();
    const idOf = (rid: number) => {
      let id = ids.get(rid);
      if (id === undefined) ids.set(rid, (id = statements.selectId.get(rid)!));
      return id;
    };
    const byId = (a: number, b: number) => {
      const x = idOf(a);
      const y = idOf(b);
      return x < y ? -1 : x > y ? 1 : 0;
    };
    // The first pages of an order are computed once per cached scan: paging through them is free.
    const k = Math.max(request.offset + request.limit, this.firstHits);
    let first = scanned.ordered.get(sort);
    if (!first || (first.length < k && first.length < total)) {
      if (scanned.rids === null) {
        const known = scanned.ordered;
        scanned = computeScan();
        for (const [order, hits] of known) if (!scanned.ordered.has(order)) scanned.ordered.set(order, hits);
      }
      const order = orderOf();
      first =
        'score' in order
          ? topKByScore(scanned.rids!, k, order.score, byId)
          : topK(scanned.rids!, k, order.compare, byId);
      scanned.ordered.set(sort, first);
    }
    const page = first.slice(request.offset, request.offset + request.limit);
    const rows = new Map<number, [string, string | null]>();
    for (const [rid, id, versions] of statements.pageRows.all(JSON.stringify(page)))
      rows.set(rid, [id, versions]);
    const textual = match === null ? null : query;
    return {
      total,
      hits: page.map((rid) => {
        const [id, versions] = rows.get(rid)!;
        return toHit(id, versions, textual);
      }),
      facets,
    };
  }
}

function toHit(id: string, versionsJson: string | null, query: ParsedQuery | null): SearchHit {
  const versions = JSON.parse(versionsJson ?? '[]') as { versionNo: number; text: string }[];
  const current = versions.at(-1);
  return {
    id,
    highlight: current ? highlightText(current.text, query) : null,
    matchedVersionNo: query ? matchedVersionNo(versions, query) : null,
  };
}
