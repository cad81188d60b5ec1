import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSearchContract } from '../contract/search-contract.js';
import { doc, req } from '../contract/fixtures.js';
import { SqliteFtsSearchIndex } from './sqlite-fts-index.js';

describeSearchContract('SqliteFtsSearchIndex', () => Promise.resolve(new SqliteFtsSearchIndex(':memory:')));

describe('SqliteFtsSearchIndex on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bewaard-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its documents across close and reopen, and serves a second connection', async () => {
    const file = join(dir, 'search.db');
    const writer = new SqliteFtsSearchIndex(file);
    await writer.init();
    await writer.upsert([doc({ id: 'p-1' }, 'Bericht over de Omgevingswet')]);
    const reader = new SqliteFtsSearchIndex(file);
    await reader.init();
    // The reader caches typo expansions; a write by the other connection must still be seen.
    expect((await reader.search(req({ text: 'omgevingwet' }))).total).toBe(1);
    await writer.upsert([doc({ id: 'p-2' }, 'Nieuwe regels: omgevingsvisie')]);
    expect((await reader.search(req({ text: 'omgevingsvsie' }))).total).toBe(1);
    await writer.close();
    await reader.close();

    const reopened = new SqliteFtsSearchIndex(file);
    await reopened.init();
    expect(await reopened.count()).toBe(2);
    await reopened.close();
  });

  it('rejects use before init', async () => {
    await expect(new SqliteFtsSearchIndex(':memory:').count()).rejects.toThrow(/init/);
  });
});
