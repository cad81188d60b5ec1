import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './create-search-index.js';
import { SqliteFtsSearchIndex } from './embedded/sqlite-fts-index.js';
import { MeilisearchSearchIndex } from './meilisearch/meilisearch-index.js';

describe('createSearchIndex', () => {
  it('builds the configured engine', async () => {
    const embedded = createSearchIndex({ kind: 'embedded', file: ':memory:' });
    expect(embedded).toBeInstanceOf(SqliteFtsSearchIndex);
    await embedded.init();
    expect(await embedded.count()).toBe(0);
    await embedded.close();
    const meili = createSearchIndex({
      kind: 'meilisearch',
      url: 'http://localhost:7700',
      indexPrefix: 'bewaard',
    });
    expect(meili).toBeInstanceOf(MeilisearchSearchIndex);
    expect((meili as MeilisearchSearchIndex).indexUid).toBe('bewaard_items');
  });
});
