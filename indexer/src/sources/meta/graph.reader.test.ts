import type { NormalisedItem } from '@bewaard/schema';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { metaGraphSource } from './graph.reader.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Real Graph API responses (sns-sdks/python-facebook test data); see shared/fixtures/real/SOURCES.md. */
const fixture = (name: string): string => sharedFixture('meta-graph-api', name);

async function collect(records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>): Promise<SourceRecord[]> {
  const all: SourceRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}
const items = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
const POST = '19292868552_10158407654328553';

describe('meta-graph on page_feed_p1.json (GET /19292868552/feed, 5 posts, comments requested with limit 0)', () => {
  it('emits the 5 posts as Facebook posts with their ids, times and permalinks, and nothing else', async () => {
    const records = await collect(metaGraphSource.read(fixture('page_feed_p1.json')));
    expect(records.map((r) => r.kind)).toEqual(['item', 'item', 'item', 'item', 'item']);
    const posts = items(records);
    expect(posts.map((p) => p.platformItemId)).toEqual([
      '19292868552_10158349356748553',
      '19292868552_10158347294088553',
      '19292868552_10158345715593553',
      '19292868552_10158343840773553',
      '19292868552_10158333323653553',
    ]);
    for (const post of posts) {
      expect(post).toMatchObject({ platform: 'facebook', kind: 'post', edit: null, conversationPlatformId: post.platformItemId });
      expect(post.url).toBe(`https://www.facebook.com/19292868552/posts/${post.platformItemId.split('_')[1]}/`);
      // /feed also lists visitor posts and `from` was not requested: the author is not guessed.
      expect(post.author).toEqual({ platformActorId: `unknown:${post.platformItemId}`, handle: null, displayName: null });
    }
    expect(posts[0]?.createdAt).toEqual(new Date('2021-07-09T19:09:52Z'));
    expect(posts[4]?.createdAt).toEqual(new Date('2021-06-30T21:21:18Z'));
    expect(records.every((r) => r.location.file === fixture('page_feed_p1.json') && r.location.line === null)).toBe(true);
  });

  it('takes links from the message and link attachments, media from photo and video attachments', async () => {
    const posts = items(await collect(metaGraphSource.read(fixture('page_feed_p1.json'))));
    expect(posts.map((p) => p.content.media.map((m) => m.mimeType))).toEqual([
      ['image/jpeg'], [], ['image/png'], ['image/png'], ['image/jpeg'], // photo, link share, photo, photo, video still
    ]);
    expect(posts[1]?.content.links).toEqual([
      'https://fb.me/Facebook-Peering-automation',
      expect.stringMatching(/^https:\/\/engineering\.fb\.com\/2021\/05\/20\/networking-traffic\/peering-automation\/\?utm_source/),
    ]);
    expect(posts[4]?.content.text).toContain('recipe and lifestyle site iCook 愛料理 boosted');
    expect(posts[4]?.content.mentions).toEqual(['iCook 愛料理']); // message_tags, by name
  });

  it('keeps the paging cursors and next URL with every post, identically on re-import', async () => {
    const first = items(await collect(metaGraphSource.read(fixture('page_feed_p1.json'))));
    const second = items(await collect(metaGraphSource.read(fixture('page_feed_p1.json'))));
    expect(second.map((p) => p.raw)).toEqual(first.map((p) => p.raw));
    const raw = JSON.parse(first[2]?.raw.body ?? '{}') as { data: Array<{ id: string }>; paging: { cursors: unknown; next: string } };
    expect(first[2]?.raw.format).toBe('meta-graph');
    expect(raw.data.map((d) => d.id)).toEqual(['19292868552_10158345715593553']);
    expect(raw.paging.cursors).toEqual({ before: 'before', after: 'after' });
    expect(raw.paging.next).toMatch(/^https:\/\/graph\.facebook\.com\/v10\.0\/19292868552\/feed\?/);
  });
});

describe('meta-graph on object_comments_p1.json (GET /{post}/comments?filter=stream, no id or from requested)', () => {
  it('rebuilds the 10 comment ids from permalink_url and links replies to their parent comment', async () => {
    const comments = items(await collect(metaGraphSource.read(fixture('object_comments_p1.json'))));
    expect(comments).toHaveLength(10);
    const byId = new Map(comments.map((c) => [c.platformItemId, c]));
    // filter=stream lists replies flat; reply_comment_id in the permalink names them.
    const replies: Record<string, string> = {
      '10158407654328553_10158409983033553': '10158407654328553_10158407903973553',
      '10158407654328553_10158409984053553': '10158407654328553_10158407903973553',
      '10158407654328553_10158409984103553': '10158407654328553_10158407835073553',
      '10158407654328553_10158411321043553': '10158407654328553_10158410332078553',
    };
    for (const comment of comments) {
      expect(comment).toMatchObject({ platform: 'facebook', kind: 'comment', conversationPlatformId: POST });
      expect(comment.inReplyToPlatformId).toBe(replies[comment.platformItemId] ?? POST);
      // The Graph API hides users who did not grant the app permission: no `from`.
      expect(comment.author).toEqual({ platformActorId: `unknown:${comment.platformItemId}`, handle: null, displayName: null });
    }
    expect(byId.get('10158407654328553_10158407903973553')?.content.text).toBe(
      'Can someone from Instagram please assist me in getting my business Instagram back? It’s been 5 months since I’ve submitted my verification and have yet to receive a response. This is my business account and it’s effecting my livelihood 😕 Facebook for Developers',
    );
    expect(byId.get('10158407654328553_10158409983033553')?.content.links).toEqual(['http://bit.ly/2NsSg8i']);
    expect(comments[0]?.createdAt).toEqual(new Date('2021-08-10T18:45:03Z'));
  });

  it('keeps the cursors and the summary (18 comments in all) in each raw body', async () => {
    const [first] = items(await collect(metaGraphSource.read(fixture('object_comments_p1.json'))));
    const raw = JSON.parse(first?.raw.body ?? '{}') as { paging: { cursors: unknown }; summary: { total_count: number } };
    expect(raw.paging.cursors).toEqual({ before: 'before', after: 'after' });
    expect(raw.summary.total_count).toBe(18);
  });

  it('reads the same response from a WARC body, taking the post from the request URL in the label', async () => {
    const { readFile } = await import('node:fs/promises');
    const content = (await readFile(fixture('object_comments_p1.json'), 'utf8')).replace(/"paging":\{[^}]*\},"next":"[^"]*"\}/, '"paging":{}');
    expect(content).toContain('"paging":{}'); // so only the label can name the post
    const label = `run.warc.gz#record-7 https://graph.facebook.com/v19.0/${POST}/comments?filter=stream`;
    const records = await collect(metaGraphSource.readContent?.(label, content) ?? []);
    expect(items(records)).toHaveLength(10);
    expect(records.every((r) => r.location.file === label)).toBe(true);
  });
});

describe('meta-graph on instagram_user_medias_p2.json (GET /{ig-user}/media page 2)', () => {
  it('emits 2 Instagram posts, the carousel with its 3 children as media', async () => {
    const media = items(await collect(metaGraphSource.read(fixture('instagram_user_medias_p2.json'))));
    expect(media.map((m) => [m.platformItemId, m.platform, m.kind, m.content.text])).toEqual([
      ['17896129349106152', 'instagram', 'post', 'ALBUM'],
      ['17893085207160254', 'instagram', 'post', 'Peach new'],
    ]);
    expect(media[0]?.content.media.map((m) => m.mimeType)).toEqual(['image/jpeg', 'image/jpeg', 'video/mp4']);
    expect(media[1]?.content.media).toHaveLength(1);
    expect(media[0]?.url).toBe('https://www.instagram.com/p/CRyZpmrjYC4/');
    expect(media[0]?.createdAt).toEqual(new Date('2021-07-26T10:45:20Z'));
    // No owner or username was requested: the IG user comes from the paging URL's /{id}/media.
    expect(media.map((m) => m.author)).toEqual([
      { platformActorId: '17841406338772941', handle: null, displayName: null },
      { platformActorId: '17841406338772941', handle: null, displayName: null },
    ]);
    const raw = JSON.parse(media[1]?.raw.body ?? '{}') as { paging: { cursors: unknown; previous: string } };
    expect(raw.paging.cursors).toEqual({ before: 'before', after: 'after' });
    expect(raw.paging.previous).toContain('before=before');
  });
});
