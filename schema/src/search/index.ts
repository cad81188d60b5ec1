export type * from './search-index.js';
export { SearchRequestError, validateSearchRequest, MAX_SEARCH_PAGE_SIZE } from './validate-request.js';
export { createSearchIndex, type SearchIndexConfig } from './create-search-index.js';
export { SqliteFtsSearchIndex } from './embedded/sqlite-fts-index.js';
export {
  MeilisearchSearchIndex,
  type MeilisearchSearchIndexOptions,
} from './meilisearch/meilisearch-index.js';
export { buildMeiliFilter, quoteFilterValue } from './meilisearch/meili-filter.js';
export { buildMeiliSettings } from './meilisearch/meili-settings.js';
export { parseQuery, type ParsedQuery, type QueryWord } from './text/query.js';
export { yearOf, yearRange, ARCHIVE_TIME_ZONE } from './text/year.js';
