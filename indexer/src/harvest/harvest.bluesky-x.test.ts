import fs from 'node:fs';
import { HarvestStateEntity, type AccountEntity } from '@bewaard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { fixture } from '../testing/fixtures.js';
import { harvest } from './harvest.js';
import { credentialsFor, declareOrgAccount, openHarvestArchive, type HarvestArchive } from './testing/harvest-archive.js';
import { parseCursor } from './harvest-state.js';
import { FakeClock } from './http/clock.js';
import { ReplayServer, type ReplayResponse } from './testing/replay-server.js';

const read = (...p: string[]) => fs.readFileSync(fixture(...p), 'utf8');

describe('harvest: Bluesky and X connectors', () => {
  let archive: HarvestArchive;
  let ctx: ArchiveContext;
  let server: ReplayServer;
  const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));

  beforeEach(async () => {
    archive = await openHarvestArchive();
    ctx = archive.ctx;
  });
  afterEach(async () => {
    await server.stop();
    await archive.close();
  });

  const declare = (platform: 'bluesky' | 'x', platformAccountId: string, handle: string): Promise<AccountEntity> =>
    declareOrgAccount(ctx, { platform, platformAccountId, handle });
  const credentials = (account: AccountEntity) => credentialsFor(account, { baseUrl: server.baseUrl, token: 'tok' });

  it('Bluesky: follows the feed cursor, then stops incrementally at the last run\'s newest post', async () => {
    const feed = JSON.parse(read('bluesky-api', 'app.bsky.feed.getAuthorFeed.json')) as { feed: unknown[]; cursor: string };
    server = await new ReplayServer((url): ReplayResponse => {
      if (url.pathname.endsWith('app.bsky.actor.getProfile')) return { body: JSON.stringify({ did: url.searchParams.get('actor'), postsCount: 7 }) };
      if (url.searchParams.get('cursor') === feed.cursor) return { body: JSON.stringify({ feed: [] }) };
      return { body: JSON.stringify(feed), headers: { 'ratelimit-remaining': '2999', 'ratelimit-reset': '1735690000' } };
    }).start();
    const account = await declare('bluesky', 'did:plc:wpe35pganb6d4pg4ekmfy6u5', 'chriskenny.bsky.social');
    const first = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(first).toMatchObject({ error: null, pages: 2 });
    expect(first.counts.newItems).toBeGreaterThanOrEqual(3);
    // The account's own items: its repost and its two posts (the reposted post is someone else's).
    expect(first.completeness).toMatchObject({ platformCount: 7, archivedCount: 3, missing: 4 });
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor)).toEqual({ since: '2023-10-03T17:17:08.578Z', pending: null }) // the repost's time, not the post's;

    const second = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(second).toMatchObject({ error: null, pages: 1 });
    expect(second.counts).toMatchObject({ newItems: 0, newVersions: 0 });
  });

  it('X v2: pages by pagination_token, waits out x-rate-limit-remaining 0, stores newest_id as since_id', async () => {
    const page1 = JSON.parse(read('twitter-v2-twarc2', 'brexit.jsonl')) as { meta: { next_token: string; newest_id: string } };
    const page2 = read('twitter-v2-twarc2', 'two_tweets.jsonl');
    const reset = String(Date.parse('2025-01-01T00:15:00Z') / 1000);
    server = await new ReplayServer((url): ReplayResponse => {
      if (/^\/2\/users\/[^/]+$/.test(url.pathname)) return { body: JSON.stringify({ data: { id: '4203239195', public_metrics: { tweet_count: 12 } } }) };
      if (url.searchParams.get('pagination_token') === page1.meta.next_token) return { body: page2 };
      if (url.searchParams.has('since_id')) return { body: JSON.stringify({ meta: { result_count: 0 } }) };
      return { body: JSON.stringify(page1), headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset } };
    }).start();
    const account = await declare('x', '4203239195', 'someone');
    const report = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(report).toMatchObject({ error: null, pages: 2 });
    expect(report.counts.newItems).toBeGreaterThan(100);
    expect(clock.waits).toContain(15 * 60_000);
    expect(report.completeness).toMatchObject({ platformCount: 12, archivedCount: 2 });
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor).since).toBe(page1.meta.newest_id);

    server.requests.length = 0;
    const again = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(again).toMatchObject({ error: null, pages: 1 });
    expect(server.paths().find((p) => p.includes('/tweets'))).toContain(`since_id=${page1.meta.newest_id}`);
  });
});
