import type { SearchRequest } from '../search-index.js';
import type { DocColumns } from './doc-columns.js';
import type { RidBits } from './rid-bits.js';
import type { RidOrder } from './top-k.js';

/** Added to the score of exact matches: above every createdAt (ms; year 33658). */
const EXACT_BONUS = 1e15;

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
