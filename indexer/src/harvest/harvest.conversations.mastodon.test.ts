import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AccountEntity, ActorEntity, HarvestStateEntity, ItemEntity, parseConfig } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openArchive, type ArchiveContext } from '../pipeline/archive-context.js';
import { mastodonApiSource } from '../sources/index.js';
import { CredentialsFile } from './credentials.js';
import { harvest } from './harvest.js';
import { parseCursor } from './harvest-state.js';
import { FakeClock } from './http/clock.js';
import {
  ANSWER,
  CITIZEN_FOLLOW_UP,
  CITIZEN_REPLY,
  FakeMastodonConversation,
  LATE_REPLY,
  ROOT,
} from './testing/fake-mastodon-conversation.js';

const tooMany = (seconds: number) => ({ status: 429, headers: { 'retry-after': String(seconds) }, body: '{"error":"Too many requests"}' });

// The conversation is the recorded /context of 6886100 (see FakeMastodonConversation for what is constructed around it).
describeEachDatabase('harvest: Mastodon conversations (/context)', (makeDb) => {
  let db: TestDatabase;
  let dir: string;
  let ctx: ArchiveContext;
  let mastodon: FakeMastodonConversation;
  let account: AccountEntity;
  let credentials: CredentialsFile;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    db = await makeDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-harvest-context-'));
    ctx = await openArchive({ ...parseConfig({ BEWAARD_DATA_DIR: dir }), database: db.config });
    mastodon = new FakeMastodonConversation();
    await mastodon.server.start();
    await ctx.registry.ensureOrganisation('org-a', 'Organisatie A');
    account = await ctx.registry.declareAccount({
      organisationSlug: 'org-a', platform: 'mastodon', platformAccountId: await actorIdOf(mastodon),
      handle: String(mastodon.account.acct), displayName: 'Organisatie A', kind: 'organisation', keyOfficial: false,
    });
    credentials = CredentialsFile.fromJson({
      accounts: { [`mastodon:${account.handle}`]: { baseUrl: mastodon.server.baseUrl, token: 'secret-token', apiAccountId: mastodon.apiAccountId } },
    });
  });
  afterEach(async () => {
    await mastodon.server.stop();
    await ctx.close();
    await db.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = async (full = false) => (await harvest(ctx, { credentials, full, clock, maxRetries: 1 })).accounts[0]!;
  const uri = (id: string) => mastodon.statuses.get(id)!.uri;
  const contextRequests = () => mastodon.server.paths().flatMap((p) => /^\/api\/v1\/statuses\/(\d+)\/context/.exec(p)?.[1] ?? []);
  /** The archive's items by the Mastodon id of their status. */
  async function archived(): Promise<Record<string, ItemEntity>> {
    const idOf = new Map([...mastodon.statuses.values()].map((s) => [s.uri, s.id]));
    const items = await ctx.ds.getRepository(ItemEntity).find({ where: { organisationId: account.organisationId } });
    return Object.fromEntries(items.map((i) => [idOf.get(i.platformItemId) ?? i.platformItemId, i]));
  }

  it('reads the context of each status with replies, waits out a 429, links every reply into the thread, citizens as actors', async () => {
    mastodon.contextAnswers.set(ANSWER, [tooMany(30)]);
    const report = await run();
    expect(report.error).toBeNull();
    expect(report.pages).toBe(2); // [answer, root], then the empty page
    expect(clock.waits).toContain(30_000);
    // The answer's context twice (429, then served); the root's once: its late reply is in no other context.
    expect(contextRequests()).toEqual([ANSWER, ANSWER, ROOT]);
    expect(mastodon.server.requests.every((r) => r.headers.authorization === 'Bearer secret-token')).toBe(true);

    const items = await archived();
    expect(Object.keys(items).sort()).toEqual([ROOT, CITIZEN_REPLY, ANSWER, CITIZEN_FOLLOW_UP, LATE_REPLY].sort());
    for (const item of Object.values(items)) expect(item.conversationPlatformId).toBe(uri(ROOT));
    expect(items[CITIZEN_REPLY]!.inReplyToPlatformId).toBe(uri(ROOT));
    // The answer replies to a status of another instance (with an OStatus tag: URI): read alone, its
    // parent could only be guessed; read with its context, it links to the citizen's real status.
    expect(items[ANSWER]!.inReplyToPlatformId).toBe(uri(CITIZEN_REPLY));
    expect(items[CITIZEN_FOLLOW_UP]!.inReplyToPlatformId).toBe(uri(ANSWER));
    expect(items[LATE_REPLY]!.inReplyToPlatformId).toBe(uri(ROOT));

    // The organisation's posts are its own, the root first stored from the answer's context included.
    expect(items[ROOT]!.accountId).toBe(account.id);
    expect(items[ANSWER]!.accountId).toBe(account.id);
    for (const id of [CITIZEN_REPLY, CITIZEN_FOLLOW_UP, LATE_REPLY]) expect(items[id]!.accountId).toBeNull();
    const citizen = await ctx.ds.getRepository(ActorEntity).findOneByOrFail({ id: items[CITIZEN_REPLY]!.authorId });
    expect(citizen).toMatchObject({ accountId: null, displayName: 'test2' });
    expect(await ctx.ds.getRepository(AccountEntity).count()).toBe(1);

    expect(report.counts).toMatchObject({ newItems: 5, newVersions: 0, quarantined: 0 });
    expect(report.completeness.conversations).toMatchObject({
      postsCounted: 2, repliesReported: 3, repliesArchived: 3, threadsRead: 2, threadPages: 2, failures: [], failuresNotKept: 0,
    });
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor)).toEqual({ since: ANSWER, pending: null });
  });

  it('a second harvest stores no duplicates: unchanged counts read nothing, a new reply reads that context once', async () => {
    await run(true);
    mastodon.server.requests.length = 0;
    const again = await run(true);
    expect(again).toMatchObject({ error: null, counts: { newItems: 0, newVersions: 0 } });
    expect(contextRequests()).toEqual([]);

    mastodon.addReply(ANSWER, '6886300', '<p>Bedankt, gevonden.</p>', '2017-05-03T03:00:00.000Z');
    mastodon.server.requests.length = 0;
    const third = await run(true);
    expect(contextRequests()).toEqual([ANSWER]);
    expect(third.counts).toMatchObject({ newItems: 1, newVersions: 0 });
    const items = Object.values(await archived());
    expect(items).toHaveLength(6);
    expect(new Set(items.map((i) => i.platformItemId)).size).toBe(6);
    expect(items.every((i) => i.versionCount === 1)).toBe(true);
    expect(third.completeness.conversations).toMatchObject({ repliesReported: 4, repliesArchived: 4 });
  });

  it('a context that cannot be read is listed as a failure in the completeness report and read again on the next run', async () => {
    mastodon.contextAnswers.set(ANSWER, [{ status: 404, body: '{"error":"Record not found"}' }]);
    const failed = await run();
    expect(failed.error).toBeNull();
    expect(failed.completeness.conversations!.failures).toEqual([
      expect.objectContaining({
        thread: expect.objectContaining({ key: ANSWER, itemId: uri(ANSWER) }) as unknown,
        url: `${mastodon.server.baseUrl}/api/v1/statuses/${ANSWER}/context`,
        error: expect.stringMatching(/HTTP 404/) as unknown,
        attempts: 1,
      }),
    ]);
    // The cursor keeps the failure, without the status it was read with.
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    const stored = parseCursor(state.cursor).conversations!;
    expect(stored.failed.map((f) => f.thread.key)).toEqual([ANSWER]);
    expect('post' in stored.failed[0]!.thread).toBe(false);

    // Incremental: the timeline has nothing new, yet the failed context is read (the status first).
    mastodon.server.requests.length = 0;
    const retried = await run();
    expect(retried.error).toBeNull();
    expect(mastodon.server.paths().filter((p) => p.startsWith('/api/v1/statuses/'))).toEqual([
      `/api/v1/statuses/${ANSWER}`,
      `/api/v1/statuses/${ANSWER}/context`,
    ]);
    expect(retried.completeness.conversations).toMatchObject({ threadsRead: 1, failures: [] });
    expect(parseCursor((await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id })).cursor).conversations).toBeUndefined();
    expect(retried.counts.newItems).toBe(0);
  });

  it('a count no context can reach is remembered: the thread is read again only when the count changes', async () => {
    mastodon.hiddenReplies.set(ROOT, 1); // a followers-only reply: counted, never shown
    const first = await run(true);
    expect(contextRequests()).toEqual([ANSWER, ROOT]);
    expect(first.completeness.conversations).toMatchObject({ repliesReported: 4, repliesArchived: 3 });
    const cursor = async () => parseCursor((await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id })).cursor);
    expect((await cursor()).conversations!.settled).toEqual([[uri(ROOT), 3]]);

    mastodon.server.requests.length = 0;
    await run(true);
    expect(contextRequests()).toEqual([]);

    mastodon.addReply(ROOT, '6886400', '<p>En hoe zit het met de termijnen?</p>', '2017-05-03T04:00:00.000Z');
    mastodon.server.requests.length = 0;
    const changed = await run(true);
    expect(contextRequests()).toEqual([ROOT]);
    expect(changed.counts.newItems).toBe(1);
    expect((await cursor()).conversations!.settled).toEqual([[uri(ROOT), 4]]);
  });

  it('a rate limit outlasting the retries stops the run at that page; the rerun resumes after the contexts read and stores nothing twice', async () => {
    mastodon.contextAnswers.set(ROOT, [tooMany(5), tooMany(5)]);
    const stopped = await run(true);
    expect(stopped.error).toMatch(/HTTP 429/);
    expect(stopped.pages).toBe(0); // the page waits for its conversations
    expect(stopped.completeness.conversations!.failures).toEqual([]); // a rate limit is no failed thread
    expect(Object.keys(await archived())).toHaveLength(4); // the answer's context
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor).pending).toEqual({ next: null, newest: ANSWER, since: null, full: true, threadsDone: [ANSWER] });

    mastodon.server.requests.length = 0;
    const resumed = await run(true);
    expect(resumed).toMatchObject({ error: null, resumed: true, pages: 2 });
    expect(contextRequests()).toEqual([ROOT]);
    expect(resumed.counts).toMatchObject({ newItems: 1, newVersions: 0 });
    const items = Object.values(await archived());
    expect(items).toHaveLength(5);
    expect(items.every((i) => i.versionCount === 1)).toBe(true);
    const again = await run(true);
    expect(again.counts).toMatchObject({ newItems: 0, newVersions: 0 });
  });
});

/** The archive knows the account by its actor id, as the reader derives it. */
async function actorIdOf(m: FakeMastodonConversation): Promise<string> {
  const label = `${m.server.baseUrl}/api/v1/accounts/${m.apiAccountId}/statuses`;
  for await (const rec of mastodonApiSource.readContent!(label, JSON.stringify([m.served(ROOT)]))) {
    if (rec.kind === 'item') return rec.item.author.platformActorId;
  }
  throw new Error('no item in the fixture');
}
