import type Database from 'better-sqlite3';
import type { SearchRequest } from '../search-index.js';
import type { ParsedQuery } from '../text/query.js';
import type { DocColumns } from './doc-columns.js';
import { buildFtsMatch, typedPhrases } from './fts-query.js';
import type { MatchSets } from './match-sets.js';
import type { RidBits } from './rid-bits.js';
import type { RidOrder } from './top-k.js';

/** Added to the score of exact matches: above every createdAt (ms; year 33658). */
const EXACT_BONUS = 1e15;
/** Documents FTS5 may count for bm25's IDF of the typed terms (~2 ms). */
const BM25_IDF_LIMIT = 50_000;

/**
 * How hits are ordered: a number per rid (higher first), or a comparison where one number cannot
 * express it (bm25 within the exact/typo buckets).
 *
 * - `newest` / `oldest`: by createdAt.
 * - `relevance`: first the documents that match every word without a typo (Meilisearch's typo
 *   rule: bm25 alone would rank a rare misspelt neighbour above the word asked for), ordered by the
 *   bm25 of the words as typed when they matched at most `bm25Limit` documents, else newest first;
 *   then the documents that matched only with a typo, newest first. bm25 costs FTS5 over a
 *   microsecond per matching document, which for a word in every third post is hundreds of
 *   milliseconds, and for such broad queries recency is the more useful order anyway (as
 *   Meilisearch's bucket sort also falls back to its sort rules for equally matching documents).
 */
export type HitOrder = { score: (rid: number) => number } | { compare: RidOrder };

export function hitOrder(
  sort: NonNullable<SearchRequest['sort']>,
  columns: DocColumns,
  exact: RidBits | null,
  bm25: Map<number, number> | null,
): HitOrder {
  const at = columns.createdAt;
  if (sort === 'oldest') return { score: (rid) => -at[rid]! };
  if (sort === 'newest' || (exact === null && bm25 === null)) return { score: (rid) => at[rid]! };
  if (bm25 === null) return { score: (rid) => (exact!.has(rid) ? EXACT_BONUS : 0) + at[rid]! };
  const byExact: RidOrder = exact === null ? () => 0 : (a, b) => +exact.has(b) - +exact.has(a);
  // Ranks cover the exact bucket only (or every hit when there is no typo alternative).
  const byRank: RidOrder = (a, b) => {
    const x = bm25.get(a);
    const y = bm25.get(b);
    return x === undefined || y === undefined ? 0 : x - y;
  };
  return { compare: (a, b) => byExact(a, b) || byRank(a, b) || at[b]! - at[a]! };
}

export interface RelevanceSources {
  columns: DocColumns;
  matchSets: MatchSets;
  /** rid → bm25 of every document a MATCH expression selects. */
  bm25: Database.Statement<[string], [number, number]>;
  bm25Limit: number;
}

/** The relevance order of a text query whose FTS5 expression (typo alternatives included) is `match`. */
export function relevanceOrder(query: ParsedQuery, match: string, s: RelevanceSources): HitOrder {
  const exactMatch = buildFtsMatch(query, () => []);
  const withoutTypos = exactMatch === null || exactMatch === match ? null : exactMatch;
  const exact = withoutTypos === null ? null : s.matchSets.bits(withoutTypos);
  // bm25 of the words as typed: it orders the exact bucket (typo-only hits follow, newest first),
  // and FTS5 ranks the typed words far faster than an OR of every typo alternative.
  const ranked = withoutTypos ?? match;
  const ranks = bm25Affordable(ranked, query, s) ? new Map(s.bm25.all(ranked)) : null;
  return hitOrder('relevance', s.columns, exact, ranks);
}

/**
 * bm25 costs FTS5 ~1.5 µs per matching document, and before that a count of every document
 * holding each typed term (its IDF): ~35 ns per document, 14 ms for a word in 40% of a million
 * posts. Both are bounded here.
 */
function bm25Affordable(ranked: string, query: ParsedQuery, s: RelevanceSources): boolean {
  if (s.matchSets.size(ranked) > s.bm25Limit) return false;
  let idfDocuments = 0;
  for (const phrase of typedPhrases(query)) {
    idfDocuments += s.matchSets.countUpTo(phrase, BM25_IDF_LIMIT + 1);
    if (idfDocuments > BM25_IDF_LIMIT) return false;
  }
  return true;
}
