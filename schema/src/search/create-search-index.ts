import { SqliteFtsSearchIndex } from './embedded/sqlite-fts-index.js';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-index.js';
import type { SearchIndex } from './search-index.js';

export type SearchIndexConfig =
  | { kind: 'embedded'; file: string }
  | { kind: 'meilisearch'; url: string; apiKey?: string; indexPrefix: string };

/** The configured engine; call `init()` on it before use. */
export function createSearchIndex(cfg: SearchIndexConfig): SearchIndex {
  switch (cfg.kind) {
    case 'embedded':
      return new SqliteFtsSearchIndex(cfg.file);
    case 'meilisearch':
      return new MeilisearchSearchIndex({ url: cfg.url, apiKey: cfg.apiKey, indexPrefix: cfg.indexPrefix });
  }
}
