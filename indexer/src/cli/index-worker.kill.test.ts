import fs from 'node:fs';
import path from 'node:path';
import { ItemEntity, OrganisationEntity, OutboxEntity, SqliteFtsSearchIndex, openDatabase } from '@bewaard/schema';
import { afterAll, beforeAll, expect, it, describe } from 'vitest';
import { runCli, startCli, tempDataDir } from './run-cli.testkit.js';

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not reached in time');
}

describe('index worker killed mid-drain', () => {
  const env: Record<string, string> = {};
  beforeAll(() => {
    env.BEWAARD_DATA_DIR = tempDataDir();
  });
  afterAll(() => fs.rmSync(env.BEWAARD_DATA_DIR!, { recursive: true, force: true }));

  it('loses nothing: after a restart the outbox drains and every stored item is searchable', async () => {
    expect((await runCli(['demo', '--items', '3000', '--json'], env)).code).toBe(0);
    const db = { kind: 'sqlite' as const, file: path.join(env.BEWAARD_DATA_DIR!, 'bewaard.sqlite') };
    const ds = await openDatabase(db);
    try {
      const items = await ds.getRepository(ItemEntity).count();
      const pendingBefore = await ds.getRepository(OutboxEntity).count();
      expect(pendingBefore).toBeGreaterThanOrEqual(items);

      const worker = startCli(['index-worker'], env);
      await waitUntil(async () => (await ds.getRepository(OutboxEntity).count()) < pendingBefore, 30_000);
      worker.kill('SIGKILL');
      await new Promise((r) => worker.once('exit', r));
      const pendingAfterKill = await ds.getRepository(OutboxEntity).count();
      expect(pendingAfterKill).toBeGreaterThan(0);

      const restarted = startCli(['index-worker'], env);
      await waitUntil(async () => (await ds.getRepository(OutboxEntity).count()) === 0, 60_000);
      restarted.kill('SIGTERM');
      await new Promise((r) => restarted.once('exit', r));

      const index = new SqliteFtsSearchIndex(path.join(env.BEWAARD_DATA_DIR!, 'search.sqlite'));
      await index.init();
      try {
        expect(await index.count()).toBe(items);
        const orgIds = await ds.getRepository(OrganisationEntity).find({ select: { id: true } });
        const found = new Set<string>();
        for (let offset = 0; ; offset += 100) {
          const page = await index.search({ text: '', organisationIds: orgIds.map((o) => o.id), sort: 'oldest', limit: 100, offset });
          page.hits.forEach((h) => found.add(h.id));
          if (page.hits.length < 100) break;
        }
        const stored = (await ds.getRepository(ItemEntity).find({ select: { id: true } })).map((i) => i.id);
        expect(stored.filter((id) => !found.has(id))).toEqual([]);
      } finally {
        await index.close();
      }
    } finally {
      await ds.destroy();
    }
  });
});
