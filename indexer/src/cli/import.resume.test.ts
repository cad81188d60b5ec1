import fs from 'node:fs';
import path from 'node:path';
import { ItemEntity, ItemVersionEntity, openDatabase } from '@bewaard/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTwarc2File } from '../bench/twarc2-generator.js';
import { runCli, startCli, tempDataDir } from './run-cli.testkit.js';

const ITEMS = 30_000;

async function archiveOf(dataDir: string) {
  const ds = await openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'bewaard.sqlite') });
  try {
    const items = await ds.getRepository(ItemEntity).find({ select: { platformItemId: true, status: true, versionCount: true } });
    const versions = await ds
      .getRepository(ItemVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(ItemEntity, 'i', 'i.id = v.itemId')
      .select(['i.platformItemId AS pid', 'v.versionNo AS no', 'v.contentHash AS hash'])
      .getRawMany<{ pid: string; no: number; hash: string }>();
    return {
      items: items.map((i) => `${i.platformItemId}|${i.status}|${i.versionCount}`).sort(),
      versions: versions.map((v) => `${v.pid}|${v.no}|${v.hash}`).sort(),
    };
  } finally {
    await ds.destroy();
  }
}

async function itemCount(dataDir: string): Promise<number> {
  const ds = await openDatabase({ kind: 'sqlite', file: path.join(dataDir, 'bewaard.sqlite') });
  try {
    return await ds.getRepository(ItemEntity).count();
  } finally {
    await ds.destroy();
  }
}

describe('an import killed with SIGKILL and run again', () => {
  const work = tempDataDir();
  const input = path.join(work, 'tweets.jsonl');
  const killed = { BEWAARD_DATA_DIR: path.join(work, 'killed') };
  const straight = { BEWAARD_DATA_DIR: path.join(work, 'straight') };
  beforeAll(async () => {
    await writeTwarc2File(input, ITEMS);
    for (const env of [killed, straight]) expect((await runCli(['orgs', 'add', 'org-a', 'Ministerie A (fictief)'], env)).code).toBe(0);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('ends with the same archive as an uninterrupted import: nothing missing, nothing twice', async () => {
    const child = startCli(['import', input, '--json'], killed);
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline && (seen = await itemCount(killed.BEWAARD_DATA_DIR).catch(() => 0)) < 2_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = await itemCount(killed.BEWAARD_DATA_DIR);
    expect(seen).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ITEMS);

    const rerun = await runCli(['import', input, '--json'], killed);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { newItems: number; unchanged: number };
    expect(summary.newItems + summary.unchanged).toBe(ITEMS);
    expect((await runCli(['import', input, '--json'], straight)).code).toBe(0);

    const a = await archiveOf(killed.BEWAARD_DATA_DIR);
    const b = await archiveOf(straight.BEWAARD_DATA_DIR);
    expect(a.items.length).toBe(ITEMS);
    expect(a.items).toEqual(b.items);
    expect(a.versions).toEqual(b.versions);
  });
});
