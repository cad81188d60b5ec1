import fs from 'node:fs';
import path from 'node:path';
import { describeEachDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDataDir } from './run-cli.testkit.js';

interface Summary {
  read: number;
  newItems: number;
  newVersions: number;
  deleted: number;
  unchanged: number;
  quarantined: number;
  files: Array<{ file: string; format: string | null; error: string | null }>;
}

describeEachDatabase('bewaard import (twarc2 fixtures)', (make) => {
  const env: Record<string, string> = {};
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    const db = await make();
    env.BEWAARD_DATA_DIR = tempDataDir();
    if (db.config.kind === 'mariadb') env.DATABASE_URL = db.config.url;
    dispose = async () => {
      await db.dispose();
      fs.rmSync(env.BEWAARD_DATA_DIR!, { recursive: true, force: true });
    };
    expect((await runCli(['orgs', 'add', 'org-a', 'Ministerie A (fictief)'], env)).code).toBe(0);
  });
  afterAll(async () => dispose?.());

  it('imports the folder, quarantines the cut-off line, and changes nothing on re-import', async () => {
    const dir = path.join(FIXTURES, 'twitter-v2-twarc2');
    const first = await runCli(['import', dir, '--json'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const s1 = JSON.parse(first.stdout) as Summary;
    expect(s1.files).toHaveLength(7);
    expect(s1.files.every((f) => f.format === 'twarc2' && f.error === null)).toBe(true);
    expect(s1.quarantined).toBe(1);
    expect(s1.newItems).toBeGreaterThan(150);
    // compliance records: two deletions of tweets never captured are reported, not applied
    expect(s1.deleted).toBe(0);

    const again = JSON.parse((await runCli(['import', dir, '--json'], env)).stdout) as Summary;
    expect(again).toMatchObject({ newItems: 0, newVersions: 0, deleted: 0, quarantined: 1 });
    expect(again.unchanged).toBe(again.read - 2);
  });

  it('makes imported items findable once the index is built', async () => {
    expect((await runCli(['reindex', '--json'], env)).code).toBe(0);
    const r = await runCli(['search', 'brexit', '--json', '--limit', '5'], env);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { organisation: string; platform: string; highlight: string });
    expect(rows.length).toBe(5);
    expect(rows.every((row) => row.organisation === 'org-a' && row.platform === 'x')).toBe(true);
    expect(rows.some((row) => /<mark>brexit<\/mark>/i.test(row.highlight))).toBe(true);
  });

  it('explains an unknown format and a missing organisation, with a non-zero exit', async () => {
    const bad = path.join(env.BEWAARD_DATA_DIR!, 'notes.txt');
    fs.writeFileSync(bad, 'gewoon wat tekst\n');
    const r = await runCli(['import', bad, '--json'], env);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.files[0]!.error).toContain('notes.txt');
    const noOrg = await runCli(['import', bad, '--org', 'org-x'], env);
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('unknown organisation "org-x"');
  });
});

