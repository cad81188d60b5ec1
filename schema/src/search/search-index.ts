import type { ItemKind, ItemStatus, Platform } from '../domain/enums.js';

/**
 * One archived item as the search engine sees it. Built from the database by
 * `toSearchDocument` (the database is the source of truth; an index can always be rebuilt).
 */
export interface SearchDocument {
  /** Item id (the database's, not the platform's). */
  id: string;
  organisationId: string;
  platform: Platform;
  kind: ItemKind;
  status: ItemStatus;
  /** Owned account that authored the item; null when the author is not one of ours (a citizen). */
  accountId: string | null;
  authorId: string;
  authorHandle: string | null;
  authorName: string | null;
  /** Platform publication time, epoch milliseconds. */
  createdAt: number;
  conversationId: string | null;
  language: string | null;
  hasMedia: boolean;
  /**
   * Every stored version's text, oldest first; the last one is the current text. A word that exists
   * only in an earlier (edited-away) version must still find the item.
   */
  versions: Array<{ versionNo: number; text: string }>;
}

/**
 * Every field narrows the result (AND). A list field matches any of its values; an empty list matches
 * nothing (the same rule as `organisationIds`), so a filter can never widen a search by accident.
 */
export interface SearchFilter {
  platforms?: Platform[];
  accountIds?: string[];
  kinds?: ItemKind[];
  statuses?: ItemStatus[];
  /** `own`: authored by one of our accounts; `other`: by anyone else (citizens). */
  authorKind?: 'own' | 'other';
  conversationId?: string;
  language?: string;
  hasMedia?: boolean;
  /** Inclusive lower bound on createdAt, epoch ms. */
  from?: number;
  /** Exclusive upper bound on createdAt, epoch ms. */
  to?: number;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

/**
 * `year` is the calendar year of createdAt in Europe/Amsterdam time (the archive's legal time zone), so a
 * post made just after midnight on New Year's Day counts in the new year. `accountId` omits citizens (null).
 */
export type FacetName = 'organisationId' | 'platform' | 'accountId' | 'status' | 'kind' | 'year';

export interface SearchRequest {
  /**
   * Free text: words (all must match, each with typo tolerance and prefix completion of the last word),
   * and "quoted phrases" (exact). Empty string: match everything the filters allow.
   */
  text: string;
  /**
   * The organisations the caller may see. Computed by the service layer from the caller's grants,
   * never from client input alone. An empty list matches nothing. Every implementation applies it
   * as a filter inside the engine.
   */
  organisationIds: string[];
  filter?: SearchFilter;
  sort?: SearchSort;
  /** Page size, 1..100. */
  limit: number;
  /** Number of hits to skip. */
  offset: number;
  facets?: FacetName[];
}

export interface SearchHit {
  id: string;
  /** Current text with the matched terms wrapped in `<mark>`…`</mark>`; HTML-escaped otherwise. */
  highlight: string | null;
  /** The version whose text matched (the newest one that did); null for an empty query. */
  matchedVersionNo: number | null;
}

export interface SearchResult {
  /** Exact number of documents that match the request (ignoring limit/offset). */
  total: number;
  hits: SearchHit[];
  /** value → count, for each requested facet, over all matching documents. */
  facets: Partial<Record<FacetName, Record<string, number>>>;
}

/**
 * A full-text search engine over archived items.
 *
 * Contract every implementation keeps (checked by the shared contract tests):
 * - Authorisation happens before the engine is reached (the service computes `organisationIds`),
 *   and the engine enforces it again as a filter: a document of an organisation not in
 *   `organisationIds` is never returned, counted, or faceted.
 * - Filter values are data, never query syntax (no injection through ids or text).
 * - `upsert` replaces a document with the same id; `remove` of an unknown id is not an error.
 *   Both are idempotent, so the outbox worker may retry them.
 * - After `upsert`/`remove` resolve, `search` reflects them (read-your-writes; implementations
 *   backed by an asynchronous engine wait for its task to finish).
 * - Ordering: `relevance` (default with text; newest first among equals), `newest`, `oldest`
 *   by createdAt, ties broken by id so pagination is stable.
 * - The index is derived data: `clear` and a rebuild from the database loses nothing.
 */
export interface SearchIndex {
  readonly name: string;
  /** Create tables/indexes/settings; safe to call on every start. */
  init(): Promise<void>;
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /**
   * Rejects with `SearchRequestError` (see `validate-request.ts`) for a malformed request: an unknown
   * platform/kind/status/authorKind, limit outside 1..100, offset not a non-negative integer, from/to not
   * integers. Each engine validates the same way, so a bad request fails alike on both.
   */
  search(request: SearchRequest): Promise<SearchResult>;
  /**
   * Optional: loads what the first search would otherwise load (the embedded engine's in-memory
   * fields), so a server can do it before it takes requests.
   */
  warm?(): Promise<void>;
  /** Number of documents in the index. */
  count(): Promise<number>;
  /** Remove every document (used before a full reindex). */
  clear(): Promise<void>;
  close(): Promise<void>;
}
