import type { SearchParams } from 'meilisearch';
import type { SearchRequest } from '../search-index.js';
import { isEmptyQuery, type ParsedQuery } from '../text/query.js';
import { FACET_ATTRIBUTES, buildMeiliFilter } from './meili-filter.js';

export interface MeiliSearchPlan {
  /** Query text rebuilt from the parsed query, so Meilisearch sees only words and "phrases". */
  q: string;
  params: SearchParams & { page: number; hitsPerPage: number };
  /** Hits to drop from the front of the returned page (when offset is not a multiple of limit). */
  skip: number;
}

/**
 * Rebuilds the query text from the parsed query rather than passing the user's string on: Meilisearch
 * has its own operators (a leading `-` negates a word), and the embedded engine has none, so a query
 * must mean the same on both. Phrases come first so that the last plain word stays last and remains a
 * prefix while being typed; a trailing space ends the last word otherwise.
 */
export function meiliQueryText(query: ParsedQuery): string {
  const phrases = query.phrases.map((p) => `"${p.join(' ')}"`);
  const exact = query.words.filter((w) => w.exact);
  const plain = query.words.filter((w) => !w.exact);
  const parts = [...phrases, ...exact.map((w) => `"${w.word}"`), ...plain.map((w) => w.word)];
  const last = plain.at(-1);
  return parts.join(' ') + (last?.prefix ? '' : ' ');
}

/**
 * Search parameters for a request, or null when it can match nothing. Pages are requested with
 * `page`/`hitsPerPage` because only that mode returns an exhaustive `totalHits`; an offset that is not
 * a multiple of the limit fetches the pages up to it and skips the excess.
 */
export function buildMeiliSearchPlan(request: SearchRequest, query: ParsedQuery): MeiliSearchPlan | null {
  const filter = buildMeiliFilter(request);
  if (filter === null) return null;
  const textual = !isEmptyQuery(query);
  const aligned = request.offset % request.limit === 0;
  const hitsPerPage = aligned ? request.limit : request.offset + request.limit;
  const sort = request.sort ?? (textual ? 'relevance' : 'newest');
  const params: MeiliSearchPlan['params'] = {
    filter,
    page: aligned ? request.offset / request.limit + 1 : 1,
    hitsPerPage,
    matchingStrategy: 'all',
    attributesToRetrieve: ['id', 'versions'],
  };
  if (sort === 'newest' || (sort === 'relevance' && !textual)) params.sort = ['createdAt:desc', 'id:asc'];
  if (sort === 'oldest') params.sort = ['createdAt:asc', 'id:asc'];
  if (request.facets?.length) params.facets = [...new Set(request.facets.map((f) => FACET_ATTRIBUTES[f]))];
  return { q: textual ? meiliQueryText(query) : '', params, skip: aligned ? 0 : request.offset };
}
