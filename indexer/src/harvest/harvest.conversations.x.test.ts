import fs from 'node:fs';
import { AccountEntity, ActorEntity, HarvestStateEntity, ItemEntity } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { fixture } from '../testing/fixtures.js';
import { TWEET_FIELDS } from './connectors/x.fields.js';
import { harvest } from './harvest.js';
import { parseCursor } from './harvest-state.js';
import { FakeClock } from './http/clock.js';
import {
  credentialsFor,
  declareOrgAccount,
  openHarvestArchive,
  type HarvestArchive,
} from './testing/harvest-archive.js';
import { ReplayServer, type ReplayResponse } from './testing/replay-server.js';

type Json = Record<string, unknown>;
type Tweet = Json & { id: string; author_id: string; attachments?: { media_keys?: string[] } };
interface Page {
  data?: Tweet[];
  includes: { users: Json[]; tweets?: Tweet[]; media?: Json[] };
  meta: Json & { next_token?: string };
}

/** brexit.jsonl: a real recent-search page (`GET /2/tweets/search/recent?query=%23brexit`) as twarc2 wrote it. */
const recorded = JSON.parse(fs.readFileSync(fixture('twitter-v2-twarc2', 'brexit.jsonl'), 'utf8')) as Page & {
  meta: { next_token: string };
};
const NOW = Date.parse('2025-01-01T00:00:00Z');
const ORG = '4203239195'; // the author of the page's first tweet: here the organisation
const CITIZENS = ['1061711300844310528', '3104588470'];

/**
 * A live response as the API serves it: the recorded tweets with the recorded `includes` they
 * refer to (authors, replied-to users, media), without twarc2's `__twarc` (added by twarc2).
 */
function page(tweets: Tweet[], meta: Json, includedTweets: Tweet[] = []): Page {
  const users = recorded.includes.users.filter((u) =>
    tweets.concat(includedTweets).some((t) => u.id === t.author_id || u.id === t.in_reply_to_user_id),
  );
  const keys = tweets.flatMap((t) => t.attachments?.media_keys ?? []);
  const media = (recorded.includes.media ?? []).filter((m) => keys.includes(m.media_key as string));
  return {
    data: tweets,
    includes: {
      users,
      ...(includedTweets.length > 0 ? { tweets: includedTweets } : {}),
      ...(media.length > 0 ? { media } : {}),
    },
    meta,
  };
}

/**
 * Built from the recorded search page. The timeline (`/2/users/:id/tweets`) is the organisation's
 * recorded tweet (data[0]) alone, with reply_count 0 → 2 and created_at moved to `createdAt`. Its
 * conversation is two recorded replies of other users (data[8] and data[18], both replies in
 * other conversations), made replies to it: conversation_id and referenced_tweets' replied_to →
 * its id, in_reply_to_user_id → the organisation, created_at moved after it. Search serves them
 * newest first over two pages: the first with the recorded page's next_token, the second without
 * one; each page holds the organisation's tweet in includes.tweets (the replied_to expansion).
 */
function conversation(createdAt: string) {
  const [own, first, second] = [0, 8, 18].map((i) => recorded.data![i]!) as [Tweet, Tweet, Tweet];
  const tweet: Tweet = {
    ...own,
    created_at: createdAt,
    public_metrics: { ...(own.public_metrics as Json), reply_count: 2 },
  };
  const at = (minutes: number) => new Date(Date.parse(createdAt) + minutes * 60_000).toISOString();
  const replyTo = (reply: Tweet, minutes: number): Tweet => ({
    ...reply,
    conversation_id: tweet.id,
    in_reply_to_user_id: ORG,
    referenced_tweets: [{ type: 'replied_to', id: tweet.id }],
    created_at: at(minutes),
  });
  const replies: [Tweet, Tweet] = [replyTo(second, 90), replyTo(first, 30)];
  const meta = (tweets: Tweet[]) => ({
    newest_id: tweets[0]!.id,
    oldest_id: tweets.at(-1)!.id,
    result_count: tweets.length,
  });
  return {
    tweet,
    replies,
    timeline: page([tweet], meta([tweet])),
    search: [
      page([replies[0]], { ...meta([replies[0]]), next_token: recorded.meta.next_token }, [tweet]),
      page([replies[1]], meta([replies[1]]), [tweet]),
    ] as [Page, Page],
  };
}

/**
 * X's answer to an app whose access tier lacks the endpoint, as quoted from a live response in
 * xdevplatform/twitter-api-java-sdk#67 (the fixtures hold no recorded X error).
 */
const FORBIDDEN: ReplayResponse = {
  status: 403,
  body: JSON.stringify({
    client_id: '27988566',
    detail:
      'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
    registration_url: 'https://developer.twitter.com/en/docs/projects/overview',
    title: 'Client Forbidden',
    required_enrollment: 'Appropriate Level of API Access',
    reason: 'client-not-enrolled',
    type: 'https://api.twitter.com/2/problems/client-forbidden',
  }),
};

describeEachDatabase('harvest: X conversations (recent search)', (makeDb) => {
  let db: TestDatabase;
  let archive: HarvestArchive;
  let ctx: ArchiveContext;
  let server: ReplayServer;
  let account: AccountEntity;
  let clock: FakeClock;
  let c: ReturnType<typeof conversation>;
  /** Search answers to give before the real ones. */
  let searchAnswers: ReplayResponse[];

  const serve = async (createdAt: string) => {
    c = conversation(createdAt);
    server = await new ReplayServer((url): ReplayResponse => {
      const q = url.searchParams;
      if (/^\/2\/users\/\d+$/.test(url.pathname))
        return { body: JSON.stringify({ data: { id: ORG, public_metrics: { tweet_count: 1 } } }) };
      if (/^\/2\/users\/\d+\/tweets$/.test(url.pathname)) {
        const since = q.get('since_id');
        return {
          body: JSON.stringify(
            since && BigInt(since) >= BigInt(c.tweet.id) ? { meta: { result_count: 0 } } : c.timeline,
          ),
        };
      }
      if (url.pathname === '/2/tweets/search/recent') {
        const failure = searchAnswers.shift();
        if (failure) return failure;
        if (q.get('query') !== `conversation_id:${c.tweet.id}`)
          return { body: JSON.stringify({ meta: { result_count: 0 } }) };
        return {
          body: JSON.stringify(q.get('next_token') === recorded.meta.next_token ? c.search[1] : c.search[0]),
        };
      }
      return { status: 404, body: JSON.stringify({ title: 'Not Found Error', detail: url.pathname }) };
    }).start();
  };

  beforeEach(async () => {
    clock = new FakeClock(NOW);
    searchAnswers = [];
    db = await makeDb();
    archive = await openHarvestArchive(db.config);
    ctx = archive.ctx;
    const handle = recorded.includes.users.find((u) => u.id === ORG)!.username as string;
    account = await declareOrgAccount(ctx, {
      platform: 'x',
      platformAccountId: ORG,
      handle,
      displayName: 'Organisatie A',
    });
  });
  afterEach(async () => {
    await server.stop();
    await archive.close();
    await db.dispose();
  });

  const run = async (full = false) => {
    const credentials = credentialsFor(account, { baseUrl: server.baseUrl, token: 'tok' });
    return (await harvest(ctx, { credentials, full, clock, maxRetries: 1 })).accounts[0]!;
  };
  const searches = () =>
    server.requests
      .filter((r) => r.url.pathname === '/2/tweets/search/recent')
      .map((r) => r.url.searchParams);
  const items = async () =>
    new Map((await ctx.ds.getRepository(ItemEntity).find()).map((i) => [i.platformItemId, i]));

  it('reads the conversation of a recent tweet over two search pages; replies linked to it, the citizens actors', async () => {
    await serve('2024-12-30T10:00:00.000Z');
    const report = await run();
    expect(report).toMatchObject({ error: null, pages: 1 });

    const [first, second, ...more] = searches();
    expect(more).toEqual([]);
    expect(first!.get('query')).toBe(`conversation_id:${c.tweet.id}`);
    expect(first!.get('max_results')).toBe('100');
    expect(first!.has('next_token')).toBe(false);
    expect(second!.get('query')).toBe(`conversation_id:${c.tweet.id}`);
    expect(second!.get('next_token')).toBe(recorded.meta.next_token);
    // The same fields and expansions as the timeline asks for.
    const timeline = server.requests.find((r) => r.url.pathname.endsWith('/tweets'))!.url.searchParams;
    for (const name of Object.keys(TWEET_FIELDS)) {
      expect(first!.get(name)).toBe(TWEET_FIELDS[name as keyof typeof TWEET_FIELDS]);
      expect(timeline.get(name)).toBe(first!.get(name));
    }
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);

    const archived = await items();
    expect(archived.get(c.tweet.id)).toMatchObject({
      accountId: account.id,
      conversationPlatformId: c.tweet.id,
    });
    expect(c.replies.map((r) => r.author_id).sort()).toEqual([...CITIZENS].sort());
    for (const reply of c.replies) {
      const item = archived.get(reply.id)!;
      expect(item).toMatchObject({
        inReplyToPlatformId: c.tweet.id,
        conversationPlatformId: c.tweet.id,
        accountId: null,
      });
      const actor = await ctx.ds.getRepository(ActorEntity).findOneByOrFail({ id: item.authorId });
      expect(actor).toMatchObject({ platformActorId: reply.author_id, accountId: null });
    }
    expect(await ctx.ds.getRepository(AccountEntity).count()).toBe(1);
    expect(report.counts).toMatchObject({ newItems: 3, newVersions: 0, quarantined: 0 });
    expect(report.completeness.conversations).toMatchObject({
      postsCounted: 1,
      repliesReported: 2,
      repliesArchived: 2,
      threadsRead: 1,
      threadPages: 2,
      failures: [],
      failuresNotKept: 0,
    });
  });

  it('a second harvest with unchanged counts sends no search request and stores nothing new', async () => {
    await serve('2024-12-30T10:00:00.000Z');
    await run();
    // --full, so the tweet is on the timeline again with its unchanged count.
    server.requests.length = 0;
    const again = await run(true);
    expect(again).toMatchObject({ error: null, pages: 1, counts: { newItems: 0, newVersions: 0 } });
    expect(server.requests.some((r) => r.url.pathname.endsWith('/tweets'))).toBe(true);
    expect(searches()).toEqual([]);
    expect(again.completeness.conversations).toMatchObject({
      postsCounted: 1,
      repliesReported: 2,
      repliesArchived: 2,
      threadsRead: 0,
      threadPages: 0,
    });
    expect(await ctx.ds.getRepository(ItemEntity).count()).toBe(3);

    // Incremental: nothing newer than the tweet, nothing searched.
    server.requests.length = 0;
    const incremental = await run();
    expect(incremental).toMatchObject({ error: null, counts: { newItems: 0, newVersions: 0 } });
    expect(searches()).toEqual([]);
  });

  it('a tweet older than recent search reaches: no search, its replies reported but not archived', async () => {
    await serve('2024-12-20T10:00:00.000Z'); // 11 days and 14 hours before the run
    const report = await run();
    expect(report).toMatchObject({ error: null, pages: 1 });
    expect(searches()).toEqual([]);
    expect([...(await items()).keys()]).toEqual([c.tweet.id]);
    expect(report.completeness.conversations).toMatchObject({
      postsCounted: 1,
      repliesReported: 2,
      repliesArchived: 0,
      threadsRead: 0,
      threadPages: 0,
      failures: [],
    });
  });

  it("a tweet whose count grew is read even when the account's reply in its conversation, earlier on the page, needs nothing", async () => {
    await serve('2024-12-30T10:00:00.000Z');
    const citizen = c.replies[1];
    // The organisation's answer to the first citizen: the recorded data[2] (another user's post) with
    // author_id → the organisation, made a reply to the citizen's reply in the conversation, posted
    // after it. It is on the timeline, newest first, and search finds it in the conversation.
    const answer: Tweet = {
      ...recorded.data![2]!,
      author_id: ORG,
      conversation_id: c.tweet.id,
      in_reply_to_user_id: citizen.author_id,
      referenced_tweets: [{ type: 'replied_to', id: citizen.id }],
      created_at: '2024-12-30T12:00:00.000Z',
    };
    c.timeline = page([answer, c.tweet], { newest_id: answer.id, oldest_id: c.tweet.id, result_count: 2 });
    c.search[0] = page([answer, ...c.search[0].data!], c.search[0].meta, [c.tweet, citizen]);
    const first = await run();
    expect(first.error).toBeNull();
    expect(searches()).toHaveLength(2); // once, for the answer seen for the first time
    expect((await items()).get(answer.id)).toMatchObject({
      accountId: account.id,
      inReplyToPlatformId: citizen.id,
      conversationPlatformId: c.tweet.id,
    });

    // A third citizen replies (the recorded data[11], made a reply to the tweet like the others): the
    // count is 3. The answer (first on the page, nothing changed) needs no search; the tweet does.
    const third: Tweet = {
      ...recorded.data![11]!,
      conversation_id: c.tweet.id,
      in_reply_to_user_id: ORG,
      referenced_tweets: [{ type: 'replied_to', id: c.tweet.id }],
      created_at: '2024-12-31T09:00:00.000Z',
    };
    c.tweet.public_metrics = { ...(c.tweet.public_metrics as Json), reply_count: 3 };
    c.search[0] = page([third, ...c.search[0].data!], c.search[0].meta, [c.tweet, citizen]);
    server.requests.length = 0;
    const second = await run(true);
    expect(second.error).toBeNull();
    expect(searches().map((q) => q.get('query'))).toEqual([
      `conversation_id:${c.tweet.id}`,
      `conversation_id:${c.tweet.id}`,
    ]);
    expect(second.counts).toMatchObject({ newItems: 1, newVersions: 0 });
    expect((await items()).get(third.id)).toMatchObject({ inReplyToPlatformId: c.tweet.id, accountId: null });
    expect(second.completeness.conversations).toMatchObject({
      postsCounted: 2,
      repliesReported: 3,
      repliesArchived: 3,
      threadsRead: 1,
    });
  });

  it('search answering 403 is a failure in the completeness report; the next run reads the conversation', async () => {
    await serve('2024-12-30T10:00:00.000Z');
    searchAnswers.push(FORBIDDEN);
    const failed = await run();
    expect(failed).toMatchObject({ error: null, pages: 1 });
    expect(searches()).toHaveLength(1); // a 403 is not retried
    const failures = failed.completeness.conversations!.failures;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      thread: { key: c.tweet.id, itemId: c.tweet.id, replies: 2 },
      attempts: 1,
    });
    expect(failures[0]!.url).toContain('/2/tweets/search/recent?query=conversation_id');
    expect(failures[0]!.error).toMatch(/^HTTP 403: .*must use keys and tokens from a Twitter developer App/);
    expect(failed.completeness.conversations).toMatchObject({
      repliesReported: 2,
      repliesArchived: 0,
      threadsRead: 0,
    });
    expect([...(await items()).keys()]).toEqual([c.tweet.id]);
    const cursor = async () =>
      parseCursor(
        (await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id })).cursor,
      );
    expect((await cursor()).conversations!.failed.map((f) => f.thread.key)).toEqual([c.tweet.id]);

    // Incremental: the timeline has nothing new, yet the failed conversation is read, both pages.
    server.requests.length = 0;
    clock = new FakeClock(NOW + 3_600_000);
    const retried = await run();
    expect(retried.error).toBeNull();
    expect(searches().map((q) => q.get('next_token'))).toEqual([null, recorded.meta.next_token]);
    expect(retried.completeness.conversations).toMatchObject({
      threadsRead: 1,
      threadPages: 2,
      failures: [],
    });
    expect(retried.counts).toMatchObject({ newItems: 2, newVersions: 0 });
    const archived = await items();
    for (const reply of c.replies)
      expect(archived.get(reply.id)).toMatchObject({ inReplyToPlatformId: c.tweet.id, accountId: null });
    expect((await cursor()).conversations).toBeUndefined();
  });
});
