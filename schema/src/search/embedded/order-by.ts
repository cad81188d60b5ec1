import type { SearchRequest } from '../search-index.js';
import { BM25_WEIGHTS } from './schema-sql.js';

/**
 * Relevance puts documents that match every word without a typo first (Meilisearch's typo rule; bm25
 * alone would rank a rare misspelt neighbour above the word asked for), then bm25, then newest.
 */
export function orderBy(
  request: SearchRequest,
  match: string | null,
  exactMatch: string | null,
): { sql: string; params: string[]; usesFts: boolean } {
  const sort = request.sort ?? (match !== null ? 'relevance' : 'newest');
  if (sort === 'oldest') return { sql: 'd.created_at ASC, d.id ASC', params: [], usesFts: false };
  if (sort === 'newest' || match === null)
    return { sql: 'd.created_at DESC, d.id ASC', params: [], usesFts: false };
  const relevance = `bm25(search_fts, ${BM25_WEIGHTS}), d.created_at DESC, d.id ASC`;
  if (exactMatch === null || exactMatch === match) return { sql: relevance, params: [], usesFts: true };
  return {
    sql: `d.rid NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?), ${relevance}`,
    params: [exactMatch],
    usesFts: true,
  };
}
