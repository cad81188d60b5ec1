import fs from 'node:fs';
import { ActorEntity, ItemEntity, type AccountEntity } from '@bewaard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { fixture } from '../testing/fixtures.js';
import { THREAD_DEPTH } from './connectors/bluesky.conversations.js';
import { harvest } from './harvest.js';
import { credentialsFor, declareOrgAccount, openHarvestArchive, type HarvestArchive } from './testing/harvest-archive.js';
import { FakeClock } from './http/clock.js';
import { ReplayServer, type ReplayResponse } from './testing/replay-server.js';

type Json = Record<string, unknown>;
type PostView = Json & { uri: string; cid: string; record: Json };
const read = (name: string) => JSON.parse(fs.readFileSync(fixture('bluesky-api', name), 'utf8')) as Json;

const ORG = 'did:plc:wpe35pganb6d4pg4ekmfy6u5'; // chriskenny.bsky.social: here the organisation
const CITIZEN = 'did:plc:ic6zqvuw5ulmfpjiwnhsr2ns'; // soubhikbarari.bsky.social

/**
 * Built from the two recorded responses. The feed is the recorded getAuthorFeed, with the plain
 * post's replyCount raised to 2: its replies are the account's own reply (recorded in the same
 * feed) and the recorded getPostThread post of another account, made into a reply to it. The
 * thread responses are that post's thread (the citizen's reply lies at the depth limit: replies
 * counted, none included) and the citizen's reply's own thread, holding the account's answer
 * (built from the account's recorded reply).
 */
function conversation() {
  const feed = read('app.bsky.feed.getAuthorFeed.json') as Json & { feed: Array<Json & { post: PostView }>; cursor: string };
  const entries = feed.feed;
  const ownReply = entries[1]!.post;
  const post: PostView = { ...entries[2]!.post, replyCount: 2 };
  entries[2] = { ...entries[2]!, post };
  const ref = (p: PostView) => ({ uri: p.uri, cid: p.cid });
  const recorded = (read('app.bsky.feed.getPostThread.json').thread as { post: PostView }).post;
  const citizenReply: PostView = {
    ...recorded,
    replyCount: 1,
    indexedAt: '2023-10-03T12:00:00.000Z',
    record: { ...recorded.record, createdAt: '2023-10-03T12:00:00.000Z', reply: { root: ref(post), parent: ref(post) } },
  };
  const answer: PostView = {
    ...ownReply,
    uri: `at://${ORG}/app.bsky.feed.post/3kaz2answer22`,
    cid: 'bafyreianswerbafyreianswerbafyreianswerbafyreianswer22',
    replyCount: 0,
    indexedAt: '2023-10-03T13:00:00.000Z',
    record: { ...ownReply.record, text: 'Dank voor uw reactie.', createdAt: '2023-10-03T13:00:00.000Z', reply: { root: ref(post), parent: ref(citizenReply) } },
  };
  const node = (p: PostView, more: Json = {}) => ({ $type: 'app.bsky.feed.defs#threadViewPost', post: p, ...more });
  const threads: Record<string, Json> = {
    [post.uri]: { thread: node(post, { replies: [node(ownReply, { replies: [] }), node(citizenReply)] }) },
    [citizenReply.uri]: { thread: node(citizenReply, { parent: node(post), replies: [node(answer, { replies: [] })] }) },
  };
  return { feed, post, ownReply, citizenReply, answer, threads };
}

describe('harvest: Bluesky conversations (getPostThread)', () => {
  let archive: HarvestArchive;
  let ctx: ArchiveContext;
  let server: ReplayServer;
  let account: AccountEntity;
  const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));
  const c = conversation();
  /** Thread answers to give before the real one, per post URI. */
  const failing = new Map<string, ReplayResponse>();

  beforeEach(async () => {
    failing.clear();
    archive = await openHarvestArchive();
    ctx = archive.ctx;
    account = await declareOrgAccount(ctx, { platform: 'bluesky', platformAccountId: ORG, handle: 'chriskenny.bsky.social', displayName: 'Organisatie A' });
    server = await new ReplayServer((url): ReplayResponse => {
      const q = url.searchParams;
      if (url.pathname.endsWith('app.bsky.actor.getProfile')) return { body: JSON.stringify({ did: q.get('actor'), postsCount: 3 }) };
      if (url.pathname.endsWith('app.bsky.feed.getAuthorFeed')) return { body: JSON.stringify(q.get('cursor') === c.feed.cursor ? { feed: [] } : c.feed) };
      const uri = q.get('uri') ?? '';
      const failure = failing.get(uri);
      if (failure) return failure;
      if (url.pathname.endsWith('app.bsky.feed.getPostThread') && c.threads[uri]) return { body: JSON.stringify(c.threads[uri]) };
      return { status: 400, body: JSON.stringify({ error: 'NotFound', message: `Post not found: ${uri}` }) };
    }).start();
  });
  afterEach(async () => {
    await server.stop();
    await archive.close();
  });

  const run = async () => {
    const credentials = credentialsFor(account, { baseUrl: server.baseUrl });
    return (await harvest(ctx, { credentials, clock, maxRetries: 1 })).accounts[0]!;
  };
  const threadRequests = () => server.requests.filter((r) => r.url.pathname.endsWith('getPostThread')).map((r) => r.url.searchParams);
  const items = async () => new Map((await ctx.ds.getRepository(ItemEntity).find()).map((i) => [i.platformItemId, i]));

  it('reads the thread of a post with replies, and the thread of a reply past the depth; replies linked, the citizen an actor', async () => {
    const report = await run();
    expect(report).toMatchObject({ error: null, pages: 2 });
    expect(threadRequests().map((q) => q.get('uri'))).toEqual([c.post.uri, c.citizenReply.uri]);
    expect(threadRequests().every((q) => q.get('depth') === String(THREAD_DEPTH))).toBe(true);

    const archive = await items();
    const reply = archive.get(c.citizenReply.uri)!;
    const answer = archive.get(c.answer.uri)!;
    expect(reply).toMatchObject({ inReplyToPlatformId: c.post.uri, conversationPlatformId: c.post.uri, accountId: null });
    expect(answer).toMatchObject({ inReplyToPlatformId: c.citizenReply.uri, conversationPlatformId: c.post.uri, accountId: account.id });
    expect(archive.get(c.ownReply.uri)).toMatchObject({ inReplyToPlatformId: c.post.uri, accountId: account.id });
    const citizen = await ctx.ds.getRepository(ActorEntity).findOneByOrFail({ id: reply.authorId });
    expect(citizen).toMatchObject({ platformActorId: CITIZEN, accountId: null });

    // The post (2 replies) and the account's own reply (0): both replies archived.
    expect(report.completeness.conversations).toMatchObject({ postsCounted: 2, repliesReported: 2, repliesArchived: 2, threadsRead: 2, threadPages: 2, failures: [] });

    // Nothing changed: the next harvest reads no thread and stores nothing.
    server.requests.length = 0;
    const again = await run();
    expect(again).toMatchObject({ error: null, pages: 1, counts: { newItems: 0, newVersions: 0 } });
    expect(threadRequests()).toEqual([]);
  });

  it('a thread the AppView will not serve is a failure in the completeness report; the rest of the run goes on', async () => {
    failing.set(c.post.uri, { status: 400, body: JSON.stringify({ error: 'NotFound', message: `Post not found: ${c.post.uri}` }) });
    const report = await run();
    expect(report).toMatchObject({ error: null, pages: 2 });
    const failures = report.completeness.conversations!.failures;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ thread: { key: c.post.uri, itemId: c.post.uri, replies: 2 }, attempts: 1 });
    expect(failures[0]!.url).toContain('app.bsky.feed.getPostThread');
    expect(failures[0]!.error).toMatch(/HTTP 400/);
    expect(report.completeness.conversations).toMatchObject({ repliesReported: 2, repliesArchived: 1 });

    failing.clear();
    const retried = await run();
    expect(retried.completeness.conversations).toMatchObject({ failures: [], threadsRead: 2 });
    expect((await items()).has(c.answer.uri)).toBe(true);
  });
});
