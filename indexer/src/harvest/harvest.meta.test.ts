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

type GraphPage = { data: Array<Record<string, unknown>>; paging?: unknown };
const read = (...p: string[]) => JSON.parse(fs.readFileSync(fixture(...p), 'utf8')) as GraphPage;

/**
 * Two pages cut from one recorded page. Their paging URLs name the edge the connector asks for
 * (as the live API's would): the reader learns the edge from them when the label is the replay
 * server's address rather than graph.facebook.com.
 */
function splitPages(page: GraphPage, at: number, edgeUrl: string): [GraphPage, GraphPage] {
  return [
    { data: page.data.slice(0, at), paging: { cursors: { before: 'b1', after: 'c1' }, next: `${edgeUrl}?limit=25&after=c1` } },
    { data: page.data.slice(at), paging: { cursors: { before: 'b2', after: 'c2' }, previous: `${edgeUrl}?limit=25&before=b2` } },
  ];
}

describe('harvest: Meta Graph connectors', () => {
  let archive: HarvestArchive;
  let ctx: ArchiveContext;
  let server: ReplayServer;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));
    archive = await openHarvestArchive();
    ctx = archive.ctx;
  });
  afterEach(async () => {
    await server.stop();
    await archive.close();
  });

  const declare = (platform: 'facebook' | 'instagram', platformAccountId: string, handle: string): Promise<AccountEntity> =>
    declareOrgAccount(ctx, { platform, platformAccountId, handle });
  const credentials = (account: AccountEntity) => credentialsFor(account, { baseUrl: server.baseUrl, token: 'page-token' });

  it('Facebook: pages by the after cursor, waits at X-App-Usage 100 %, then stops incrementally and keeps an edit as a new version', async () => {
    const pageId = '19292868552';
    const [p1, p2] = splitPages(read('meta-graph-api', 'page_feed_p1.json'), 3, `https://graph.facebook.com/v21.0/${pageId}/published_posts`);
    let first = p1;
    server = await new ReplayServer((url): ReplayResponse => {
      if (url.pathname !== `/${pageId}/published_posts`) return { status: 404, body: '{"error":{"message":"unknown path"}}' };
      if (url.searchParams.get('after') === 'c1') return { body: JSON.stringify(p2) };
      // The app has used its whole window: the next request must wait (Meta gives no reset time).
      return { body: JSON.stringify(first), headers: { 'x-app-usage': '{"call_count":100,"total_cputime":12,"total_time":9}' } };
    }).start();
    const account = await declare('facebook', pageId, 'FacebookforDevelopers');

    const report = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(report).toMatchObject({ error: null, pages: 2 });
    expect(report.counts.newItems).toBe(5);
    expect(clock.waits).toEqual([60_000]);
    // Facebook says nothing about how many posts a page has.
    expect(report.completeness).toMatchObject({ platformCount: null, archivedCount: 5, liveCount: 5, missing: null });
    expect(report.completeness.largestGap?.from).toBe('2021-06-30T21:21:18.000Z');
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer page-token')).toBe(true);
    const feed = server.requests[0]!.url;
    expect(feed.searchParams.get('fields')).toContain('comments.limit(100){');
    expect(feed.searchParams.has('access_token')).toBe(false);
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor)).toEqual({ since: '2021-07-09T19:09:52.000Z', pending: null });

    // Between the runs the page edits its newest post: the incremental run reads only page 1.
    first = { ...p1, data: p1.data.map((post, i) => (i === 0 ? { ...post, message: 'Bewerkt bericht', updated_time: '2021-07-13T08:00:00+0000' } : post)) };
    server.requests.length = 0;
    const again = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(again).toMatchObject({ error: null, pages: 1 });
    expect(again.counts).toMatchObject({ newItems: 0, newVersions: 1, unchanged: 2 });
    expect(server.paths().some((p) => p.includes('after='))).toBe(false);
    expect(again.completeness).toMatchObject({ archivedCount: 5, liveCount: 5 });
  });

  it('Instagram: media_count as the platform count, /media paged by cursor', async () => {
    const igUser = '17841406338772941';
    const [p1, p2] = splitPages(read('meta-graph-api', 'instagram_user_medias_p2.json'), 1, `https://graph.facebook.com/v21.0/${igUser}/media`);
    server = await new ReplayServer((url): ReplayResponse => {
      if (url.pathname === `/${igUser}`) return { body: JSON.stringify({ id: igUser, username: 'example', media_count: 10 }) };
      if (url.pathname !== `/${igUser}/media`) return { status: 404, body: '{"error":{"message":"unknown path"}}' };
      return { body: JSON.stringify(url.searchParams.get('after') === 'c1' ? p2 : p1) };
    }).start();
    const account = await declare('instagram', igUser, 'example');

    const report = (await harvest(ctx, { credentials: credentials(account), clock })).accounts[0]!;
    expect(report).toMatchObject({ error: null, pages: 2 });
    expect(report.counts.newItems).toBe(2);
    expect(report.completeness).toMatchObject({ platformCount: 10, archivedCount: 2, liveCount: 2, missing: 8 });
    expect(server.paths()[0]).toContain('fields=id%2Cusername%2Cmedia_count');
    expect(clock.waits).toEqual([]);
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor).since).toBe('2021-07-26T10:45:20.000Z');
  });
});
