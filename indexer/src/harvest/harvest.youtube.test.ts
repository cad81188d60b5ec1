import fs from 'node:fs';
import { HarvestStateEntity, type AccountEntity } from '@bewaard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { fixture } from '../testing/fixtures.js';
import { redactKey } from './connectors/youtube.connector.js';
import { CredentialsFile } from './credentials.js';
import { harvest } from './harvest.js';
import { declareOrgAccount, openHarvestArchive, type HarvestArchive } from './testing/harvest-archive.js';
import { parseCursor } from './harvest-state.js';
import { FakeClock } from './http/clock.js';
import { ReplayServer, type ReplayResponse } from './testing/replay-server.js';

type ListResponse = { kind: string; nextPageToken?: string; items: Array<Record<string, unknown>> };
const read = (name: string) => JSON.parse(fs.readFileSync(fixture('youtube-data-api-v3', name), 'utf8')) as ListResponse;

const CHANNEL = 'UC_x5XG1OV2P6uZZ5FSM9Ttw';
const UPLOADS = 'UU_x5XG1OV2P6uZZ5FSM9Ttw';
const VIDEO_A = 'D-lhorsDlUQ';
const VIDEO_B = 'ovdbrdCIP7U';
const INCOMPLETE_THREAD = 'UgwI_ylXVnzPS8Q-oAV4AaABAg'; // totalReplyCount 2, no replies inline

const error = (status: number, reason: string, domain: string): ReplayResponse => ({
  status,
  body: JSON.stringify({ error: { code: status, message: reason, errors: [{ message: reason, domain, reason }] } }),
});

/**
 * A channel built from the recorded responses: two playlist pages of one video each (both videos
 * set to this channel), two commentThreads pages for video A (the second empty) with one thread
 * whose replies need comments.list (two pages), and video B with comments turned off.
 */
function channelHandler(videos: ListResponse, threads: ListResponse, replies: ListResponse) {
  const videoItems = videos.items.map((v): Record<string, unknown> => ({ ...v, snippet: { ...(v.snippet as object), channelId: CHANNEL } }));
  const playlistItem = (videoId: string, at: string) => ({ kind: 'youtube#playlistItem', contentDetails: { videoId, videoPublishedAt: at } });
  return (url: URL): ReplayResponse => {
    const q = url.searchParams;
    const empty = (kind: string) => ({ body: JSON.stringify({ kind, items: [] }) });
    switch (url.pathname) {
      case '/channels':
        return { body: JSON.stringify({ kind: 'youtube#channelListResponse', items: [{ id: CHANNEL, contentDetails: { relatedPlaylists: { uploads: UPLOADS } }, statistics: { videoCount: '9' } }] }) };
      case '/playlistItems':
        return q.get('pageToken') === 'PL2'
          ? { body: JSON.stringify({ kind: 'youtube#playlistItemListResponse', items: [playlistItem(VIDEO_B, '2019-09-11T23:00:05Z')] }) }
          : { body: JSON.stringify({ kind: 'youtube#playlistItemListResponse', nextPageToken: 'PL2', items: [playlistItem(VIDEO_A, '2019-03-21T20:37:49Z')] }) };
      case '/videos': {
        const ids = (q.get('id') ?? '').split(',');
        return { body: JSON.stringify({ ...videos, items: videoItems.filter((v) => ids.includes(String(v.id))) }) };
      }
      case '/commentThreads':
        if (q.get('videoId') === VIDEO_B) return error(403, 'commentsDisabled', 'youtube.commentThread');
        return q.get('pageToken') === threads.nextPageToken ? empty(threads.kind) : { body: JSON.stringify(threads) };
      case '/comments':
        return q.get('pageToken') === replies.nextPageToken ? empty(replies.kind) : { body: JSON.stringify(replies) };
      default:
        return error(404, 'notFound', 'youtube.api');
    }
  };
}

describe('harvest: YouTube Data API connector', () => {
  let archive: HarvestArchive;
  let ctx: ArchiveContext;
  let server: ReplayServer;
  const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));
  const videos = read('videos_list_multi.json');
  const threads = read('commentThreads_by_video_p1.json');
  const replies = read('comments_by_parent_p1.json');

  beforeEach(async () => {
    archive = await openHarvestArchive();
    ctx = archive.ctx;
  });
  afterEach(async () => {
    await server.stop();
    await archive.close();
  });

  const declare = (): Promise<AccountEntity> =>
    declareOrgAccount(ctx, { platform: 'youtube', platformAccountId: CHANNEL, handle: 'GoogleDevelopers', displayName: 'Google Developers' });
  const credentials = () => CredentialsFile.fromJson({ accounts: { [`youtube:${CHANNEL}`]: { baseUrl: server.baseUrl, apiKey: 'secret-key' } } });

  it('walks channel → uploads pages → videos → comment threads → missing replies', async () => {
    server = await new ReplayServer(channelHandler(videos, threads, replies)).start();
    const account = await declare();
    const report = (await harvest(ctx, { credentials: credentials(), clock })).accounts[0]!;
    expect(report.error).toBeNull();
    expect(server.paths().map((p) => p.split('?')[0])).toEqual([
      '/channels', '/playlistItems', '/videos', '/commentThreads', '/comments', '/comments', '/commentThreads',
      '/playlistItems', '/videos', '/commentThreads',
    ]);
    // videos A, threads p1, replies p1, replies p2, threads p2, videos B, B's comments (disabled).
    expect(report.pages).toBe(7);
    expect(server.requests.find((r) => r.url.pathname === '/comments')!.url.searchParams.get('parentId')).toBe(INCOMPLETE_THREAD);
    expect(server.requests.find((r) => r.url.pathname === '/videos')!.url.searchParams.get('id')).toBe(VIDEO_A);
    expect(server.requests.every((r) => r.url.searchParams.get('key') === 'secret-key' && !r.headers.authorization)).toBe(true);
    // 2 videos + 5 top-level comments + 2 replies.
    expect(report.counts).toMatchObject({ newItems: 9, quarantined: 0 });
    expect(report.completeness).toMatchObject({ platformCount: 9, archivedCount: 2, liveCount: 2, missing: 7 });
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(parseCursor(state.cursor)).toEqual({ since: '2019-03-21T20:37:49.000Z', pending: null });

    // Incremental: the first playlist page reaches `since`, so page PL2 is not asked for again.
    server.requests.length = 0;
    const again = (await harvest(ctx, { credentials: credentials(), clock })).accounts[0]!;
    expect(again).toMatchObject({ error: null, pages: 5 });
    expect(again.counts).toMatchObject({ newItems: 0, newVersions: 0 });
    expect(server.paths().some((p) => p.includes('pageToken=PL2'))).toBe(false);
  });

  it('quota exceeded: the run stops at once with a clear error, written pages stay, the next run resumes', async () => {
    let quotaLeft = false;
    const replay = channelHandler(videos, threads, replies);
    server = await new ReplayServer((url) => {
      // The quota runs out when the second commentThreads page of video A is asked for.
      if (!quotaLeft && url.pathname === '/commentThreads' && url.searchParams.has('pageToken')) return error(403, 'quotaExceeded', 'youtube.quota');
      return replay(url);
    }).start();
    const account = await declare();
    const failed = (await harvest(ctx, { credentials: credentials(), clock, maxRetries: 3 })).accounts[0]!;
    expect(failed.error).toMatch(/YouTube API quota exceeded at commentThreads \(quotaExceeded\)/);
    expect(failed.error).not.toContain('secret-key');
    expect(failed.pages).toBe(4);
    expect(failed.counts.newItems).toBe(8); // video A, 5 comments, 2 replies
    // No retry: a 403 quota answer was asked once.
    expect(server.paths().filter((p) => p.startsWith('/commentThreads') && p.includes('pageToken'))).toHaveLength(1);
    expect(clock.waits).toEqual([]);
    const state = await ctx.ds.getRepository(HarvestStateEntity).findOneByOrFail({ accountId: account.id });
    expect(state.lastError).toBe(failed.error);
    expect(parseCursor(state.cursor).pending).not.toBeNull();
    expect(failed.completeness.archivedCount).toBe(1);

    quotaLeft = true;
    server.requests.length = 0;
    const resumed = (await harvest(ctx, { credentials: credentials(), clock })).accounts[0]!;
    expect(resumed).toMatchObject({ error: null, resumed: true, pages: 3 });
    expect(server.paths()[1]).toContain(`pageToken=${encodeURIComponent(threads.nextPageToken!)}`);
    expect(resumed.counts.newItems).toBe(1); // video B
    expect(resumed.completeness).toMatchObject({ archivedCount: 2, missing: 7 });
  });

  it('keeps the API key out of labels and messages', () => {
    expect(redactKey('http://h/videos?part=snippet&key=abc123&id=x')).toBe('http://h/videos?part=snippet&key=REDACTED&id=x');
  });
});
