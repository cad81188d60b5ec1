import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSearchContract } from '../contract/search-contract.js';
import { doc, req } from '../contract/fixtures.js';
import { SqliteFtsSearchIndex } from './sqlite-fts-index.js';

describeSearchContract('SqliteFtsSearchIndex', () => Promise.resolve(new SqliteFtsSearchIndex(':memory:')));
// Broad queries (more matches than bm25Limit) are ordered without bm25: the contract holds there too.
describeSearchContract('SqliteFtsSearchIndex, broad-query ordering', () =>
  Promise.resolve(new SqliteFtsSearchIndex(':memory:', { bm25Limit: 0 })),
);
// Nothing cached: every request extracts its matches, scans and orders them (as after an index change).
describeSearchContract('SqliteFtsSearchIndex, without caches', () =>
  Promise.resolve(new SqliteFtsSearchIndex(':memory:', { cache: { scanEntries: 0, matchBytes: 0 } })),
);
// Cached scans without their rids and with one first hit: pages and orders beyond it are recomputed.
describeSearchContract('SqliteFtsSearchIndex, cached scans without rids', () =>
  Promise.resolve(new SqliteFtsSearchIndex(':memory:', { cache: { firstHits: 1, scanRids: 0 } })),
);

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

  it('a second connection sees removals, field changes and clear made by the first', async () => {
    const file = join(dir, 'changes.db');
    const writer = new SqliteFtsSearchIndex(file);
    const reader = new SqliteFtsSearchIndex(file);
    await writer.init();
    await reader.init();
    await writer.upsert([
      doc({ id: 'c-1' }, 'Dijkversterking Zwolle'),
      doc({ id: 'c-2' }, 'Dijkversterking Kampen'),
    ]);
    const facets = async () =>
      (await reader.search(req({ text: 'dijkversterking', facets: ['status'] }))).facets.status;
    expect(await facets()).toEqual({ live: 2 });

    await writer.upsert([doc({ id: 'c-1', status: 'deleted' }, 'Dijkversterking Zwolle')]);
    expect(await facets()).toEqual({ live: 1, deleted: 1 });
    await writer.remove(['c-2']);
    expect(await facets()).toEqual({ deleted: 1 });
    expect(await reader.count()).toBe(1);
    await writer.upsert([doc({ id: 'c-2' }, 'Dijkversterking Kampen, opnieuw')]);
    expect(await facets()).toEqual({ live: 1, deleted: 1 });
    await writer.clear();
    expect((await reader.search(req({ text: '' }))).total).toBe(0);
    await writer.upsert([doc({ id: 'c-3' }, 'Dijkversterking Deventer')]);
    expect((await reader.search(req({ text: 'dijkversterking' }))).hits.map((h) => h.id)).toEqual(['c-3']);
    await writer.close();
    await reader.close();
  });

  it('empties a file of an older layout, so the index worker rebuilds it', async () => {
    const file = join(dir, 'old-layout.db');
    const old = new Database(file);
    old.exec(
      "CREATE TABLE search_docs (rid INTEGER PRIMARY KEY, id TEXT); INSERT INTO search_docs VALUES (1, 'x');",
    );
    old.pragma('user_version = 1');
    old.close();
    const index = new SqliteFtsSearchIndex(file);
    await index.init();
    expect(await index.count()).toBe(0);
    await index.upsert([doc({ id: 'n-1' }, 'Nieuwe indeling')]);
    expect((await index.search(req({ text: 'indeling' }))).total).toBe(1);
    await index.close();
  });

  it('rejects use before init', async () => {
    await expect(new SqliteFtsSearchIndex(':memory:').count()).rejects.toThrow(/init/);
  });
});
