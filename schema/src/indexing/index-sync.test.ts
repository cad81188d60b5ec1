import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveWriter } from '../archive/archive-writer.js';
import { Registry } from '../archive/registry.js';
import { OutboxEntity } from '../entities/outbox.entity.js';
import { FileMediaStore } from '../media/media-store.js';
import { SqliteFtsSearchIndex } from '../search/embedded/sqlite-fts-index.js';
import { MeilisearchSearchIndex } from '../search/meilisearch/meilisearch-index.js';
import { openDatabase } from '../storage/data-source.js';
import { aPost } from '../testing/builders.js';
import { IndexSync } from './index-sync.js';

describe('IndexSync with the search engine unavailable', () => {
  let dir: string;
  let ds: DataSource;
  let writer: ArchiveWriter;
  let orgId: string;
  const capture = (i: number) => ({ item: aPost({ platformItemId: String(i), text: `Bericht ${i} over de dijkversterking` }), capturedAt: new Date() });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-sync-'));
    ds = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') });
    writer = new ArchiveWriter(ds, new FileMediaStore(path.join(dir, 'media')));
    orgId = (await new Registry(ds).ensureOrganisation('org-a', 'Ministerie A')).id;
  });
  afterEach(async () => {
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps ingesting, keeps every change in the outbox, and drains it when the engine is back', async () => {
    const file = path.join(dir, 'search.sqlite');
    const down = new SqliteFtsSearchIndex(file);
    await down.init();
    await down.close(); // the engine is gone

    await writer.write(orgId, [capture(1), capture(2)]);
    const sync = new IndexSync(ds, down);
    await expect(sync.drainOnce()).rejects.toThrow();
    await writer.write(orgId, [capture(3)]); // ingest goes on regardless
    const pending = await ds.getRepository(OutboxEntity).find();
    expect(pending).toHaveLength(3);
    expect(pending.filter((r) => r.attempts === 1)).toHaveLength(2);
    expect((await sync.lag()).pending).toBe(3);

    const back = new SqliteFtsSearchIndex(file);
    await back.init();
    try {
      expect(await new IndexSync(ds, back).drainAll()).toBe(3);
      expect(await ds.getRepository(OutboxEntity).count()).toBe(0);
      const found = await back.search({ text: 'dijkversterking', organisationIds: [orgId], limit: 10, offset: 0 });
      expect(found.total).toBe(3);
    } finally {
      await back.close();
    }
  });

  it('leaves the outbox intact when Meilisearch cannot be reached', async () => {
    await writer.write(orgId, [capture(1)]);
    // Port 9 (discard) is closed here: the real client gets a connection error.
    const unreachable = new MeilisearchSearchIndex({ url: 'http://127.0.0.1:9', indexPrefix: 'bewaard_test', taskTimeoutMs: 2_000 });
    await expect(new IndexSync(ds, unreachable).drainOnce()).rejects.toThrow();
    expect(await ds.getRepository(OutboxEntity).findBy({ attempts: 1 })).toHaveLength(1);
  });

  it('rebuilds a lost (empty) index from the archive when the worker starts', async () => {
    await writer.write(orgId, [capture(1), capture(2)]);
    const first = new SqliteFtsSearchIndex(path.join(dir, 'search.sqlite'));
    await first.init();
    await new IndexSync(ds, first).drainAll();
    await first.close();
    fs.rmSync(path.join(dir, 'search.sqlite')); // the index file is gone; the outbox is empty

    const fresh = new SqliteFtsSearchIndex(path.join(dir, 'search.sqlite'));
    await fresh.init();
    try {
      const controller = new AbortController();
      const running = new IndexSync(ds, fresh).run(controller.signal, { idleMs: 20, onDrained: () => controller.abort() });
      await running;
      const found = await fresh.search({ text: 'dijkversterking', organisationIds: [orgId], limit: 10, offset: 0 });
      expect(found.total).toBe(2);
      expect(await new IndexSync(ds, fresh).rebuildIfEmpty()).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
