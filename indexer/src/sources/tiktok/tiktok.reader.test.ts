import type { NormalisedItem } from '@bewaard/schema';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { tiktokExportSource } from './tiktok.reader.js';

/**
 * No permissively licensed real TikTok export exists (SOURCES.md); these are built from the layouts
 * the export has had: 2022-23 (`Activity`, `Video.Videos.VideoList`, `Comment.Comments.CommentsList`
 * with `Date`/`Comment`) and 2024+ (`Your Activity`, `Post.Posts.VideoList` with `Title`…, comments
 * with `date`/`comment`), plus odd capitalisation and null lists.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-tiktok-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string, content: unknown): Promise<SourceRecord[]> {
  const file = join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  const records: SourceRecord[] = [];
  for await (const record of tiktokExportSource.read(file)) records.push(record);
  return records;
}
const items = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
const reasons = (records: SourceRecord[]): string[] => records.flatMap((r) => (r.kind === 'quarantine' ? [r.reason] : []));

const OLD_EXPORT = {
  Activity: { 'Like List': { ItemFavoriteList: [] } },
  Comment: { Comments: { CommentsList: [{ Date: '2023-01-05 10:22:33', Comment: 'Goed initiatief! #samen' }] } },
  Profile: { 'Profile Information': { ProfileMap: { userName: 'rijksoverheid', likesReceived: '12' } } },
  Video: {
    Videos: {
      VideoList: [
        { Date: '2023-01-05 09:00:00', Link: 'https://www.tiktokv.com/share/video/7185012345678901234/', Likes: '42' },
        { Date: '2023-01-06 09:00:00', Link: 'https://v16m-webapp.tiktokcdn-eu.com/abc/video.mp4', Likes: '1' },
      ],
    },
  },
};

const NEW_EXPORT = {
  'Ads and data': {},
  Comment: { Comments: { CommentsList: [
    { date: '2024-03-01 12:00:00', comment: 'Eerste' },
    { date: '2024-03-01 12:00:00', comment: 'Tweede, zelfde seconde' },
    { date: '1 maart', comment: 'Onleesbare datum' },
  ] } },
  Post: { Posts: { VideoList: [
    { Date: '2024-02-29 18:30:00', Link: 'https://www.tiktok.com/@rijksoverheid/video/7340000000000000001', Likes: '7', Title: 'Schrikkeldag @minvws #info https://www.rijksoverheid.nl', Sound: 'origineel geluid', WhoCanView: 'Everyone' },
  ] } },
  'Profile And Settings': { 'Profile Info': { ProfileMap: { userName: 'rijksoverheid' } } },
};

describe('tiktok-export', () => {
  it('reads a 2023 export: posted videos by the id in their link, comments by the owner', async () => {
    const records = await read('user_data.json', OLD_EXPORT);
    expect(records.map((r) => r.kind)).toEqual(['item', 'quarantine', 'item']);
    const [video, comment] = items(records);
    expect(video).toMatchObject({
      platform: 'tiktok',
      kind: 'video',
      platformItemId: '7185012345678901234',
      url: 'https://www.tiktokv.com/share/video/7185012345678901234/',
      createdAt: new Date('2023-01-05T09:00:00Z'), // read as UTC (see tiktok.normaliser.ts)
      author: { platformActorId: 'tiktok-export-owner', handle: 'rijksoverheid', displayName: null },
      conversationPlatformId: '7185012345678901234',
    });
    expect(JSON.parse(video?.raw.body ?? '{}')).toEqual({ section: 'Video.Videos.VideoList', entry: OLD_EXPORT.Video.Videos.VideoList[0] });
    expect(reasons(records)).toEqual([
      'Video.Videos.VideoList[1].Link "https://v16m-webapp.tiktokcdn-eu.com/abc/video.mp4" holds no TikTok video id',
    ]);
    expect(comment).toMatchObject({
      kind: 'comment',
      platformItemId: 'export-comment:2023-01-05T10:22:33Z',
      inReplyToPlatformId: null, // this export version does not say which video
      content: { text: 'Goed initiatief! #samen', hashtags: ['samen'] },
    });
  });

  it('reads a 2024 export: Post.Posts.VideoList with Title, lower-case comment keys, same-second ids', async () => {
    const records = await read('user_data_tiktok.json', NEW_EXPORT);
    const all = items(records);
    expect(all.map((i) => [i.kind, i.platformItemId, i.content.text])).toEqual([
      ['video', '7340000000000000001', 'Schrikkeldag @minvws #info https://www.rijksoverheid.nl'],
      ['comment', 'export-comment:2024-03-01T12:00:00Z', 'Eerste'],
      ['comment', 'export-comment:2024-03-01T12:00:00Z#2', 'Tweede, zelfde seconde'],
    ]);
    expect(all[0]?.content).toMatchObject({ mentions: ['minvws'], hashtags: ['info'], links: ['https://www.rijksoverheid.nl'] });
    expect(reasons(records)).toEqual(['Comment.Comments.CommentsList[2].Date "1 maart" is not a "YYYY-MM-DD HH:MM:SS" time']);
  });

  it('finds lists whatever the capitalisation, and treats null or missing lists as nothing', async () => {
    const shouting = { VIDEO: { videos: { videolist: [{ date: '2023-02-01 08:00:00', link: 'https://www.tiktokv.com/share/video/7195000000000000000/' }] } }, comment: { comments: { CommentsList: null } } };
    const records = await read('caps.json', shouting);
    expect(items(records).map((i) => [i.platformItemId, i.author.handle])).toEqual([['7195000000000000000', null]]);
    expect(records).toHaveLength(1);
    expect(await read('nulls.json', { Post: { Posts: { VideoList: null } }, Comment: { Comments: { CommentsList: null } }, Profile: {} })).toEqual([]);
    expect(await read('profile-only.json', { Profile: { 'Profile Info': { ProfileMap: { userName: 'x' } } } })).toEqual([]);
  });

  it('quarantines what it cannot read, naming the file and the path, and keeps the rest', async () => {
    const odd = await read('odd.json', { Post: { Posts: { VideoList: 'none' } }, Comment: { Comments: { CommentsList: [42, { comment: 'no date' }] } } });
    expect(reasons(odd)).toEqual([
      'Post.Posts.VideoList is the string "none", not a list',
      'Comment.Comments.CommentsList[0] is not a JSON object',
      'Comment.Comments.CommentsList[1] has no Date',
    ]);
    const broken = await read('broken.json', '{"Activity": {"Video Browsing History": {"VideoList": [');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ kind: 'quarantine', location: { file: join(dir, 'broken.json'), line: null, offset: null } });
    expect(reasons(broken)[0]).toMatch(/^invalid JSON/);
    expect(reasons(await read('other.json', { statuses: [] }))).toEqual(['JSON object with keys statuses is not a TikTok data export']);
  });

  it('detects exports by their sections, also when cut off by the 64 KiB head', () => {
    expect(tiktokExportSource.detect('user_data.json', JSON.stringify(OLD_EXPORT))).toBe(true);
    expect(tiktokExportSource.detect('x.json', JSON.stringify(NEW_EXPORT).slice(0, 200))).toBe(true);
    expect(tiktokExportSource.detect('x.json', '{"Activity": {"Login History": {"LoginHistoryList": [{"Date": "2023')).toBe(true);
    expect(tiktokExportSource.detect('x.json', '{"Activity": {"steps": 1000}}')).toBe(false);
    expect(tiktokExportSource.detect('x.json', '{"Post": {"title": "blog"}, "author": "x"}')).toBe(false);
    expect(tiktokExportSource.detect('x.json', '{"data": [{"id": "1", "text": "x", "author_id": "2"}]}')).toBe(false);
  });
});
