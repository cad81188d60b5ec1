import type { NormalisedItem } from '@bewaard/schema';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { metaDyiSource } from './dyi.reader.js';

/**
 * DYI exports built in a temp folder in the layout Meta uses (no permissively licensed real sample
 * exists, see SOURCES.md). JSON text is written with \u escapes as the exports have it.
 */

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bewaard-dyi-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, content: string | Buffer): Promise<string> {
  const file = join(root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}
async function read(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of metaDyiSource.read(file)) records.push(record);
  return records;
}
const items = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));

const FB_POSTS = `[
  {"timestamp": 1325790129, "attachments": [{"data": [{"external_context": {"url": "http://www.holbaekshinsonhapkido.dk/"}}]}],
   "data": [{"post": "Invitation til \\u00c3\\u00a5bent hus \\u00e2\\u0080\\u0093 S\\u00c3\\u00b8ndag \\u00f0\\u009f\\u0098\\u0080"}, {"update_timestamp": 1325800000}],
   "title": "Lukas Larsen updated his status."},
  {"timestamp": 1305050046, "attachments": [{"data": [{"media": {"uri": "your_activity_across_facebook/posts/media/TimelinePhotos/photo.jpg", "creation_timestamp": 1305050046}}]},
     {"data": [{"media": {"uri": "your_activity_across_facebook/posts/media/gone.jpg"}}, {"media": {"uri": "../../etc/passwd"}}]}],
   "data": [{"post": "Jeg har l\\u00c3\\u00b8st"}]},
  {"timestamp": 1305050046, "data": [{"post": "Same second"}, {"update_timestamp": 1305050046}]},
  "not an entry",
  {"data": [{"post": "no time"}]}
]`;

describe('meta-dyi: Facebook your_posts_1.json', () => {
  it('repairs mojibake, reads edits, links and local media, and gives stable synthetic ids', async () => {
    await put('fb/your_activity_across_facebook/posts/media/TimelinePhotos/photo.jpg', Buffer.from([0xff, 0xd8, 0xff]));
    const file = await put('fb/your_activity_across_facebook/posts/your_posts_1.json', FB_POSTS);
    const records = await read(file);
    expect(records.map((r) => r.kind)).toEqual(['item', 'item', 'item', 'quarantine', 'quarantine']);
    const [status, photo, sameSecond] = items(records);
    expect(status).toMatchObject({
      platform: 'facebook',
      kind: 'post',
      platformItemId: 'dyi-post:1325790129',
      createdAt: new Date(1325790129 * 1000),
      author: { platformActorId: 'export-owner', handle: null, displayName: null },
      url: null,
      edit: { platformVersionId: null, editedAt: new Date(1325800000 * 1000), position: null },
    });
    expect(status?.content.text).toBe('Invitation til åbent hus – Søndag 😀');
    expect(status?.content.links).toEqual(['http://www.holbaekshinsonhapkido.dk/']);
    // The raw body keeps the entry as exported, mojibake and all.
    expect(status?.raw.body).toContain('SÃ¸ndag');
    expect(JSON.parse(status?.raw.body ?? '{}')).toMatchObject({ dyi: 'facebook-posts', entry: { title: 'Lukas Larsen updated his status.' } });

    expect(photo?.content.text).toBe('Jeg har løst');
    expect(photo?.content.media.map((m) => [m.mimeType, m.bytes === null ? null : [...m.bytes], m.missingReason])).toEqual([
      ['image/jpeg', [0xff, 0xd8, 0xff], null],
      ['image/jpeg', null, expect.stringMatching(/^your_activity_across_facebook\/posts\/media\/gone\.jpg is not in the export folder/)],
      [null, null, 'attachment path "../../etc/passwd" points outside the export; not read'],
    ]);
    // Two posts in the same second: file order decides, so a re-import gives the same ids.
    expect(sameSecond?.platformItemId).toBe('dyi-post:1305050046#2');
    expect(sameSecond?.edit).toBeNull(); // update_timestamp equal to timestamp: never edited
    expect(records.slice(3).map((r) => (r.kind === 'quarantine' ? r.reason : ''))).toEqual([
      '[3] is not a JSON object',
      '[4] has no timestamp',
    ]);
    expect(items(await read(file)).map((i) => i.platformItemId)).toEqual(items(records).map((i) => i.platformItemId));
  });
});

describe('meta-dyi: comments and Instagram', () => {
  it('reads comments_v2 with the author name repaired; the post commented on stays unknown', async () => {
    const file = await put('fb/comments_and_reactions/comments.json', `{"comments_v2": [
      {"timestamp": 1457387286, "data": [{"comment": {"timestamp": 1457387286, "comment": "Tak for hj\\u00c3\\u00a6lpen", "author": "S\\u00c3\\u00b8ren Jensen"}}],
       "title": "S\\u00c3\\u00b8ren Jensen replied to Tobias L\\u00c3\\u00b8ye's comment."},
      {"timestamp": 1457387300, "title": "no data"}
    ]}`);
    const records = await read(file);
    const [comment] = items(records);
    expect(comment).toMatchObject({
      platform: 'facebook',
      kind: 'comment',
      platformItemId: 'dyi-comment:1457387286',
      inReplyToPlatformId: null,
      conversationPlatformId: null,
      author: { platformActorId: 'export-owner', handle: null, displayName: 'Søren Jensen' },
    });
    expect(comment?.content.text).toBe('Tak for hjælpen');
    expect(records[1]?.kind === 'quarantine' && records[1].reason).toBe('[1] has no data[].comment');
  });

  it('reads Instagram posts_1.json (single picture and album) and reels', async () => {
    const file = await put('ig/your_instagram_activity/content/posts_1.json', `[
      {"media": [{"uri": "media/posts/202405/a.jpg", "creation_timestamp": 1714550400, "title": "Fijne Koningsdag \\u00f0\\u009f\\u0087\\u00b3\\u00f0\\u009f\\u0087\\u00b1 #koningsdag @rijksoverheid"}]},
      {"media": [{"uri": "media/posts/202405/b.jpg", "creation_timestamp": 1714636800, "title": ""}, {"uri": "media/posts/202405/c.mp4", "creation_timestamp": 1714636800, "title": ""}],
       "title": "Album", "creation_timestamp": 1714636801}
    ]`);
    const [single, album] = items(await read(file));
    expect(single).toMatchObject({ platform: 'instagram', kind: 'post', platformItemId: 'dyi-post:1714550400' });
    expect(single?.content).toMatchObject({ text: 'Fijne Koningsdag 🇳🇱 #koningsdag @rijksoverheid', hashtags: ['koningsdag'], mentions: ['rijksoverheid'] });
    expect(album?.content.text).toBe('Album');
    expect(album?.createdAt).toEqual(new Date(1714636801 * 1000));
    expect(album?.content.media.map((m) => m.mimeType)).toEqual(['image/jpeg', 'video/mp4']);

    const reels = await put('ig/your_instagram_activity/content/reels.json', '{"ig_reels_media": [{"media": [{"uri": "media/reels/r.mp4", "creation_timestamp": 1714723200, "title": "Reel"}]}]}');
    expect(items(await read(reels)).map((i) => [i.kind, i.content.text])).toEqual([['video', 'Reel']]);
  });

  it('detects DYI files by their opening, and an empty your_posts file by its name', () => {
    expect(metaDyiSource.detect('your_posts_1.json', FB_POSTS)).toBe(true);
    expect(metaDyiSource.detect('x.json', `${FB_POSTS.slice(0, 120)}`)).toBe(true); // cut off by the 64 KiB head
    expect(metaDyiSource.detect('comments.json', '{"comments_v2": [{"timestamp": 1457387286, "data": [')).toBe(true);
    expect(metaDyiSource.detect('/e/posts/your_posts_1.json', '[]')).toBe(true);
    expect(metaDyiSource.detect('/e/list.json', '[]')).toBe(false);
    expect(metaDyiSource.detect('x.json', '[{"id": "1", "created_at": "2017-01-01"}]')).toBe(false);
    expect(metaDyiSource.detect('x.json', '{"comments": "none"}')).toBe(false);
  });

  it('quarantines a file that is not JSON, naming the file', async () => {
    const file = await put('fb/posts/your_posts_2.json', '[{"timestamp": 1325790129, "data": [');
    const records = await read(file);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: 'quarantine', excerpt: '[{"timestamp": 1325790129, "data": [', location: { file, line: null, offset: null } });
    expect(records[0]?.kind === 'quarantine' && records[0].reason).toMatch(/^invalid JSON/);
  });
});
