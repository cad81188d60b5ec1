import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccountEntity, HarvestStateEntity, ItemEntity, TombstoneEntity, parseConfig } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openArchive, type ArchiveContext } from '../pipeline/archive-context.js';
import { mastodonApiSource } from '../sources/index.js';
import { CredentialsFile } from './credentials.js';
import { harvest } from './harvest.js';
import { parseCursor } from './harvest-state.js';
import { FakeClock } from './http/clock.js';
import { FakeMastodon } from './testing/fake-mastodon.js';

describeEachDatabase('harvest: Mastodon timeline', (makeDb) => {
  let db: TestDatabase;
  let dir: string;
  let ctx: ArchiveContext;
  let mastodon: FakeMastodon;
  let account: AccountEntity;
  let credentials: CredentialsFile;
  const clock = new FakeClock();

  beforeEach(async () => {
    db = await makeDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-harvest-'));
    ctx = await openArchive({ ...parseConfig({ BEWAARD_DATA_DIR: dir }), database: db.config });
    mastodon = await startMastodon();
    await ctx.registry.ensureOrganisation('org-a', 'Organisatie A');
    account = await ctx.registry.declareAccount({
      organisationSlug: 'org-a', platform: 'mastodon', platformAccountId: await actorIdOf(mastodon),
      handle: String(mastodon.account.acct), displayName: 'Iorin', kind: 'organisation', keyOfficial: false,
    });
    credentials = CredentialsFile.fromJson({ accounts: { [`mastodon:${account.handle}`]: { baseUrl: mastodon.server.baseUrl, token: 'secret-token' } } });
  });
  afterEach(async () => {
    await mastodon.server.stop();
    await ctx.close();
    await db.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (full = false) => harvest(ctx, { credentials, full, clock, maxRetries: 1 });
  const items = () => ctx.ds.getRepository(ItemEntity).find({ where: { accountId: account.id }, order: { platformItemId: 'ASC' } });

  it('pages through the whole timeline, sends the token, and reports completeness', async () => {
    const summary = await run();
    const report = summary.accounts[0]!;
    expect(report.error).toBeNull();
    // 8 + 8 + 4 statuses, then the empty page that says there is nothing older.
    expect(report.pages).toBe(4);
    expect(report.counts).toMatchObject({ newItems: 20, newVersions: 0, deleted: 0, quarantined: 0 });
    expect(mastodon.server.requests.every((r) => r.headers.authorization === 'Bearer secret-token')).toBe(true);
    expect(report.completeness).toMatchObject({ platformCount: 25, archivedCount: 20, liveCount: 20, missing: 5 });
    // The recorded statuses span 06:58:23Z … 06:11:41Z; the biggest hole is between the first two.
    expect(report.completeness.largestGap).toMatchObject({ from: '2017-04-14T05:58:23.000Z', to: '2017-04-14T06:09:28.000Z' });
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor)).toEqual({ since: '172429', pending: null });
    expect(state).toMatchObject({ platformCount: 25, capturedCount: 20, lastError: null });
  });

  it('harvests incrementally from the stored cursor', async () => {
    await run();
    mastodon.statuses.unshift({ ...mastodon.statuses[0]!, id: '172500', uri: 'tag:mstdn.jp,2017-04-14:objectId=172500:objectType=Status', content: '<p>nieuw</p>' });
    mastodon.server.requests.length = 0;
    const report = (await run()).accounts[0]!;
    expect(report.counts.newItems).toBe(1);
    expect(mastodon.server.paths().filter((p) => p.includes('/statuses')).every((p) => p.includes('since_id=172429'))).toBe(true);
    expect(parseCursor((await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id })).cursor).since).toBe('172500');
  });

  it('stores an edit between two harvests as a second version of the same item', async () => {
    await run(true);
    const edited = mastodon.statuses[3]!;
    mastodon.statuses[3] = { ...edited, content: '<p>aangepaste tekst</p>', edited_at: '2017-04-14T07:00:00.000Z' };
    const report = (await run(true)).accounts[0]!;
    expect(report.counts).toMatchObject({ newItems: 0, newVersions: 1, deleted: 0 });
    const item = (await items()).find((i) => i.platformItemId === edited.uri);
    expect(item).toMatchObject({ versionCount: 2, status: 'edited' });
  });

  it('marks a status missing from a complete full sync as deleted (sync-missing), never on an incremental one', async () => {
    await run(true);
    const [gone] = mastodon.statuses.splice(5, 1);
    // Published before anything the next sync sees (APIs stop serving old posts): not concluded deleted.
    const oldestAt = mastodon.statuses.map((s) => String(s.created_at)).sort()[0];
    const [oldest] = mastodon.statuses.splice(mastodon.statuses.findIndex((s) => s.created_at === oldestAt), 1);
    expect((await run(false)).accounts[0]!.counts.deleted).toBe(0);
    const report = (await run(true)).accounts[0]!;
    expect(report.counts.deleted).toBe(1);
    expect(report.syncMissing).toBe(1);
    const all = await items();
    const item = all.find((i) => i.platformItemId === gone!.uri)!;
    expect(item.status).toBe('deleted');
    const tombstones = await ctx.ds.getRepository(TombstoneEntity).findBy({ itemId: item.id });
    expect(tombstones.map((t) => t.method)).toEqual(['sync-missing']);
    expect(all.find((i) => i.platformItemId === oldest!.uri)!.status).not.toBe('deleted');
    expect(report.completeness).toMatchObject({ archivedCount: 20, liveCount: 19 });
  });

  it('with fullEveryHours, makes a run a full sync once the last full one is that old, so older edits are seen', async () => {
    const every = (hours: number) => harvest(ctx, { credentials, fullEveryHours: hours, clock, maxRetries: 1 });
    // No full sync yet: the first run is one.
    expect((await every(24)).accounts[0]!.full).toBe(true);
    const edited = mastodon.statuses[3]!;
    mastodon.statuses[3] = { ...edited, content: '<p>aangepaste tekst</p>', edited_at: '2017-04-14T07:00:00.000Z' };
    await clock.sleep(23 * 3_600_000);
    const incremental = (await every(24)).accounts[0]!;
    expect(incremental.full).toBe(false);
    expect(incremental.counts.newVersions).toBe(0); // the edit is on an older post: not on the newest page
    await clock.sleep(3_600_000);
    const full = (await every(24)).accounts[0]!;
    expect(full.full).toBe(true);
    expect(full.counts.newVersions).toBe(1);
    expect((await items()).find((i) => i.platformItemId === edited.uri)).toMatchObject({ versionCount: 2 });
  });

  it('keeps the cursor at the last committed page when the server fails mid-pagination; a rerun resumes there', async () => {
    mastodon.failAtMaxId = mastodon.statuses[7]!.id; // the second page
    const failed = (await run(true)).accounts[0]!;
    expect(failed.error).toMatch(/HTTP 500/);
    expect(failed.pages).toBe(1);
    expect(await items()).toHaveLength(8);
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor).pending).toMatchObject({ newest: '172429', full: true });
    expect(parseCursor(state.cursor).pending!.next).toContain(`max_id=${mastodon.failAtMaxId}`);
    expect(state.lastError).toMatch(/HTTP 500/);

    mastodon.failAtMaxId = null;
    mastodon.server.requests.length = 0;
    const rerun = (await run(true)).accounts[0]!;
    expect(rerun).toMatchObject({ error: null, resumed: true, pages: 3, syncMissing: 0 });
    expect(mastodon.server.paths().find((p) => p.includes('/statuses'))).toContain(`max_id=${mastodon.statuses[7]!.id}`);
    const resumedArchive = (await items()).map((i) => [i.platformItemId, i.versionCount, i.status]);
    expect(resumedArchive).toHaveLength(20);
    // The same archive as one uninterrupted harvest: rerunning stores nothing new.
    const again = (await run(true)).accounts[0]!;
    expect(again.counts).toMatchObject({ newItems: 0, newVersions: 0, deleted: 0, unchanged: 20 });
    expect((await items()).map((i) => [i.platformItemId, i.versionCount, i.status])).toEqual(resumedArchive);
  });

  it('skips accounts without credentials', async () => {
    const summary = await harvest(ctx, { credentials: CredentialsFile.fromJson({ accounts: {} }), clock });
    expect(summary.accounts).toHaveLength(0);
    expect(summary.skipped).toEqual([expect.objectContaining({ accountId: account.id, reason: 'no credentials configured' })]);
  });
});

async function startMastodon(): Promise<FakeMastodon> {
  const m = new FakeMastodon();
  await m.server.start();
  return m;
}

/** The archive knows a Mastodon account by its actor URL, as the reader derives it from the page's host. */
async function actorIdOf(m: FakeMastodon): Promise<string> {
  const label = `${m.server.baseUrl}/api/v1/accounts/${m.apiAccountId}/statuses`;
  for await (const rec of mastodonApiSource.readContent!(label, JSON.stringify(m.statuses.slice(0, 1)))) {
    if (rec.kind === 'item') return rec.item.author.platformActorId;
  }
  throw new Error('no item in the fixture');
}
