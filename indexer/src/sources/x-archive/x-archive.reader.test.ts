import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerFromManifest } from './x-archive.owner.js';
import { xArchiveSource } from './x-archive.reader.js';
import { ARCHIVE_FIXTURES, itemsOf, readAll, writeTree } from './x-archive.testkit.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/**
 * Real archive data files (see fixtures SOURCES.md), read where they lie (no manifest beside
 * them: the owner is unknown) and copied into an archive layout (data/ + manifest.js + media).
 */
const fixture = (name: string): string => join(ARCHIVE_FIXTURES, name);
const read = (file: string) => readAll(xArchiveSource, file);

const PHOTO = Buffer.from('not really a png, but bytes of the export');
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bewaard-xarchive-'));
  await writeTree(join(root, 'milahu'), { 'data/deleted_tweets_media/2027737443122769985-HCP4VPIWkAADmOs.jpg': PHOTO });
  await writeTree(join(root, 'twoo'), { 'data/tweets_media/1541752634348019715-FWVnxzyWIAIEZU3.png': PHOTO });
  await copyFile(fixture('milahu104_manifest.js'), join(root, 'milahu/data/manifest.js'));
  await copyFile(fixture('milahu104_deleted-tweets.js'), join(root, 'milahu/data/deleted-tweets.js'));
  await copyFile(fixture('milahu104_community-tweet.js'), join(root, 'milahu/data/community-tweet.js'));
  await copyFile(fixture('twoo_tweets.js'), join(root, 'twoo/data/tweets.js'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('x-archive on twoo_tweets.js (window.YTD.tweets.part0, 28 tweets)', () => {
  it('emits 28 items: 23 replies, 4 posts and 1 retweet kept as "RT @…" text', async () => {
    const records = await read(fixture('twoo_tweets.js'));
    const items = itemsOf(records);
    expect(records).toHaveLength(28);
    expect(items).toHaveLength(28);
    const kinds: Record<string, number> = {};
    for (const item of items) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
    expect(kinds).toEqual({ reply: 23, post: 4, repost: 1 });
    expect(items[0]).toMatchObject({
      platformItemId: '1629012888185610242',
      kind: 'reply',
      inReplyToPlatformId: '1628894722889601024',
      content: { text: '@RPDeshaies Pretty much anything by Bal-Sagoth', language: 'en', mentions: ['RPDeshaies'] },
    });
    expect(items[0]?.createdAt.toISOString()).toBe('2023-02-24T06:58:32.000Z');
    // Element 0 starts on line 2, after "window.YTD.tweets.part0 = [\n  " (30 bytes).
    expect(records[0]?.location).toEqual({ file: fixture('twoo_tweets.js'), line: 2, offset: 30 });
  });

  it('reads the retweet heuristically: text "RT @boondaburrah: …", no original id in the archive', async () => {
    const repost = itemsOf(await read(fixture('twoo_tweets.js'))).find((i) => i.kind === 'repost');
    expect(repost?.platformItemId).toBe('1584110055259279360');
    expect(repost?.content.text.startsWith('RT @boondaburrah: @bengl3rt')).toBe(true);
    expect(repost?.repostOfPlatformId).toBeNull();
  });

  it('places every tweet in its one-id edit chain (edit_info.initial.editTweetIds), position 0', async () => {
    const items = itemsOf(await read(fixture('twoo_tweets.js')));
    expect(items.every((i) => i.edit?.platformVersionId === i.platformItemId && i.edit.position === 0)).toBe(true);
  });

  it('decodes &amp;, keeps hashtags without "#", and maps the pseudo-language qme to null', async () => {
    const items = itemsOf(await read(fixture('twoo_tweets.js')));
    expect(items.find((i) => i.platformItemId === '1607434750175715329')?.content.text).toBe('@SEGA Sonic 3 & Knuckles');
    expect(items.flatMap((i) => i.content.hashtags).sort()).toEqual(['City23', 'RenewRaisedByWolves', 'dungeon23', 'finishit23', 'setting23']);
    expect(items.find((i) => i.platformItemId === '1603463121561128960')?.content.language).toBeNull();
    expect(items.find((i) => i.platformItemId === '1569266072456515584')?.content.language).toBe('in');
  });

  it('without manifest.js beside it: author archive-owner, no handle, /i/web/ URLs, media not in the export', async () => {
    const items = itemsOf(await read(fixture('twoo_tweets.js')));
    expect(items[0]?.author).toEqual({ platformActorId: 'archive-owner', handle: null, displayName: null });
    expect(items[0]?.url).toBe('https://x.com/i/web/status/1629012888185610242');
    const withMedia = items.filter((i) => i.content.media.length > 0);
    expect(withMedia.map((i) => i.platformItemId)).toEqual(['1541752634348019715']);
    expect(withMedia[0]?.content.media).toEqual([
      { originalUrl: 'https://pbs.twimg.com/media/FWVnxzyWIAIEZU3.png', mimeType: 'image/png', altText: null, bytes: null, missingReason: 'not in the archive export' },
    ]);
  });

  it('in an archive folder: the photo bytes come from data/tweets_media/<tweet id>-<file name>', async () => {
    const items = itemsOf(await read(join(root, 'twoo/data/tweets.js')));
    const medium = items.find((i) => i.platformItemId === '1541752634348019715')?.content.media[0];
    expect(Buffer.from(medium?.bytes ?? [])).toEqual(PHOTO);
    expect(medium?.missingReason).toBeNull();
  });

  it('is deterministic: a second read gives identical records, raw included', async () => {
    expect(await read(fixture('twoo_tweets.js'))).toEqual(await read(fixture('twoo_tweets.js')));
  });
});

describe('x-archive on milahu104 deleted-tweets.js and community-tweet.js (with manifest.js)', () => {
  it('emits each of the 47 deleted tweets as an item followed by its deletion notice, at the same location', async () => {
    const records = await read(join(root, 'milahu/data/deleted-tweets.js'));
    expect(records).toHaveLength(94);
    expect(records.map((r) => r.kind)).toEqual(Array.from({ length: 47 }, () => ['item', 'deletion']).flat());
    for (let i = 0; i < 94; i += 2) {
      const [item, deletion] = [records[i], records[i + 1]];
      expect(deletion?.location).toEqual(item?.location);
      expect(deletion?.kind === 'deletion' && item?.kind === 'item' && deletion.notice.platformItemId === item.item.platformItemId).toBe(true);
    }
  });

  it('dates the deletions: deleted_at as platformDeletedAt, the manifest\'s generationDate as detectedAt', async () => {
    const records = await read(join(root, 'milahu/data/deleted-tweets.js'));
    expect(records[1]).toMatchObject({
      kind: 'deletion',
      notice: {
        platform: 'x',
        platformItemId: '2029583929812873669',
        detectedAt: new Date('2026-03-06T13:15:31.187Z'),
        method: 'x-archive:deleted-tweets',
        platformDeletedAt: new Date('2026-03-05T16:08:05.000Z'),
      },
    });
    const notices = records.flatMap((r) => (r.kind === 'deletion' ? [r.notice] : []));
    expect(new Set(notices.map((n) => n.platformDeletedAt?.getTime())).size).toBe(47);
  });

  it('without the manifest, deletions are detected at the file\'s modification time', async () => {
    const records = await read(fixture('milahu104_deleted-tweets.js'));
    const { mtime } = await stat(fixture('milahu104_deleted-tweets.js'));
    expect(records.flatMap((r) => (r.kind === 'deletion' ? [r.notice.detectedAt] : []))).toEqual(Array.from({ length: 47 }, () => mtime));
  });

  it('takes the author from manifest.js userInfo and builds x.com URLs with the handle', async () => {
    const [first] = itemsOf(await read(join(root, 'milahu/data/deleted-tweets.js')));
    expect(first?.author).toEqual({ platformActorId: '1964312974236991488', handle: 'milahu104', displayName: 'Milan Hauth' });
    expect(first?.url).toBe('https://x.com/milahu104/status/2029583929812873669');
    expect(first?.content.text).toBe('@Dominik_Kettner niemand will für israel kämpfen');
  });

  it('classifies 43 replies and 4 "RT @" retweets; a retweet\'s media name the original tweet', async () => {
    const items = itemsOf(await read(join(root, 'milahu/data/deleted-tweets.js')));
    expect(items.filter((i) => i.kind === 'reply')).toHaveLength(43);
    expect(items.filter((i) => i.kind === 'repost').map((i) => [i.platformItemId, i.repostOfPlatformId])).toEqual([
      ['2028527746163331392', null],
      ['2028414641374625834', null],
      ['2027840876244836659', null],
      // Its video carries source_status_id_str 2027036383907398083: the retweeted tweet.
      ['2027426349653148003', '2027036383907398083'],
    ]);
  });

  it('takes media bytes from deleted_tweets_media; a retweeted video is not in the export', async () => {
    const items = itemsOf(await read(join(root, 'milahu/data/deleted-tweets.js')));
    const photo = items.find((i) => i.platformItemId === '2027737443122769985')?.content.media[0];
    expect(Buffer.from(photo?.bytes ?? [])).toEqual(PHOTO);
    const video = items.find((i) => i.platformItemId === '2027426349653148003')?.content.media[0];
    expect(video).toMatchObject({ mimeType: 'video/mp4', bytes: null, missingReason: 'not in the archive export' });
    expect(video?.originalUrl).toMatch(/^https:\/\/video\.twimg\.com\/amplify_video\/2027036275954360320\/vid\/.*\.mp4\?tag=14$/);
  });

  it('community-tweet.js: 3 replies without edit_info; the community id stays in raw', async () => {
    const items = itemsOf(await read(join(root, 'milahu/data/community-tweet.js')));
    expect(items.map((i) => [i.platformItemId, i.kind, i.edit])).toEqual([
      ['2027697170808189417', 'reply', null],
      ['2027695342624354692', 'reply', null],
      ['2027695238773399834', 'reply', null],
    ]);
    expect(items.every((i) => i.raw.format === 'x-archive' && i.raw.body.includes('"community_id_str":"2015792172985921708"'))).toBe(true);
    expect(items[0]?.author.handle).toBe('milahu104');
  });

  it('manifest.js yields no records; it is read for the owner and the generation date', async () => {
    expect(await read(join(root, 'milahu/data/manifest.js'))).toEqual([]);
    expect(ownerFromManifest(await readFile(fixture('milahu104_manifest.js')))).toEqual({
      actor: { platformActorId: '1964312974236991488', handle: 'milahu104', displayName: 'Milan Hauth' },
      generatedAt: new Date('2026-03-06T13:15:31.187Z'),
    });
  });
});

describe('x-archive on mrled_tweet.js (older window.YTD.tweet.part0, no edit_info)', () => {
  it('emits the 2012 "RT @nostrich" as a repost and the 2020 tweet as a post, without edit places', async () => {
    const items = itemsOf(await read(fixture('mrled_tweet.js')));
    expect(items.map((i) => [i.platformItemId, i.kind, i.createdAt.toISOString(), i.edit])).toEqual([
      ['254848497235398656', 'repost', '2012-10-07T07:39:51.000Z', null],
      ['1276916896974110721', 'post', '2020-06-27T16:34:46.000Z', null],
    ]);
    expect(items[0]?.content.text).toBe('RT @nostrich: 2012 is about correcting the typo on the 3 different social networks you cross-posted to.');
    expect(items[0]?.content.mentions).toEqual(['nostrich']);
    expect(items[1]?.content.mentions).toEqual(['syncthing']);
    expect(items[1]?.conversationPlatformId).toBe('1276916896974110721');
  });
});

describe('x-archive detection', () => {
  const head = async (file: string) => (await readFile(file, 'utf8')).slice(0, 64 * 1024);

  it('accepts every archive data file and the manifest', async () => {
    for (const name of ['twoo_tweets.js', 'milahu104_deleted-tweets.js', 'milahu104_community-tweet.js', 'mrled_tweet.js', 'milahu104_manifest.js']) {
      expect(xArchiveSource.detect(fixture(name), await head(fixture(name))), name).toBe(true);
    }
  });

  it('rejects the viewer\'s own scripts, the HTML page and JSON from other sources', async () => {
    expect(xArchiveSource.detect('assets/js/main.js', '!function(e){var t={};')).toBe(false);
    expect(xArchiveSource.detect('Your archive.html', '<!DOCTYPE html>\n<html>')).toBe(false);
    const v1 = sharedFixture('twitter-v1.1/dogsheep_tweets.json');
    expect(xArchiveSource.detect(v1, await head(v1))).toBe(false);
  });
});
