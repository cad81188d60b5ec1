import type { SearchRequest } from '../search-index.js';
import type { DocColumns } from './doc-columns.js';
import type { RidOrder } from './top-k.js';

/**
 * The order of hits.
 *
 * - `newest` / `oldest`: by createdAt.
 * - `relevance`: first the documents that match every word without a typo (Meilisearch's typo
 *   rule: bm25 alone would rank a rare misspelt neighbour above the word asked for); within that,
 *   by bm25 when the text matched at most `bm25Limit` documents, and newest first otherwise. bm25
 *   costs FTS5 about a microsecond per matching document, which for a word in every third post is
 *   hundreds of milliseconds, and for such broad queries recency is the more useful order anyway
 *   (as Meilisearch's bucket sort also falls back to its sort rules for equally matching documents).
 */
export function hitOrder(
  sort: NonNullable<SearchRequest['sort']>,
  columns: DocColumns,
  exact: Uint8Array | null,
  bm25: Map<number, number> | null,
): RidOrder {
  const at = columns.createdAt;
  if (sort === 'oldest') return (a, b) => at[a]! - at[b]!;
  const newest: RidOrder = (a, b) => at[b]! - at[a]!;
  if (sort === 'newest') return newest;
  const byExact: RidOrder = exact === null ? () => 0 : (a, b) => exact[b]! - exact[a]!;
  if (bm25 === null) return (a, b) => byExact(a, b) || newest(a, b);
  return (a, b) => byExact(a, b) || bm25.get(a)! - bm25.get(b)! || newest(a, b);
}
