import type { DeletionNotice, NormalisedItem } from '@bewaard/schema';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { twarc2Source } from './twarc2.reader.js';
import { FIXTURES } from '../../testing/fixtures.js';

/** Real twarc2 output (DocNow/twarc-csv test data); see shared/fixtures/real/SOURCES.md. */
const fixture = (name: string): string => join(FIXTURES, 'twitter-v2-twarc2', name);
const FLAT = join(FIXTURES, 'twitter-v2-twarc2-flattened', 'flat.jsonl');

async function readAll(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of twarc2Source.read(file)) records.push(record);
  return records;
}

function itemsOf(records: SourceRecord[]): NormalisedItem[] {
  return records.flatMap((record) => (record.kind === 'item' ? [record.item] : []));
}

function quarantinesOf(records: SourceRecord[]): Array<Extract<SourceRecord, { kind: 'quarantine' }>> {
  return records.flatMap((record) => (record.kind === 'quarantine' ? [record] : []));
}

function countKinds(items: NormalisedItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}

describe('twarc2 reader on brexit.jsonl (one search page: 100 tweets, 59 in includes.tweets)', () => {
  it('emits the 100 data tweets plus the 55 includes.tweets not already in data', async () => {
    const records = await readAll(fixture('brexit.jsonl'));
    const items = itemsOf(records);
    // 4 of the 59 includes.tweets are also in data and are emitted once: 100 + 59 - 4 = 155.
    expect(items).toHaveLength(155);
    expect(quarantinesOf(records)).toEqual([]);
    expect(new Set(items.map((item) => item.platformItemId)).size).toBe(155);
    expect(records.every((record) => record.location.line === 1 && record.location.offset === 0)).toBe(true);
  });

  it('classifies the 100 data tweets as 67 reposts, 11 quotes, 10 replies and 12 posts', async () => {
    const items = itemsOf(await readAll(fixture('brexit.jsonl')));
    expect(countKinds(items.slice(0, 100))).toEqual({ repost: 67, quote: 11, reply: 10, post: 12 });
    // The 55 context tweets: 35 posts, 7 replies, 13 quotes (of includes' 15 quotes, 2 are in data).
    expect(countKinds(items)).toEqual({ repost: 67, quote: 24, reply: 17, post: 47 });
  });

  it('resolves every author to a handle and display name, and builds x.com URLs', async () => {
    const items = itemsOf(await readAll(fixture('brexit.jsonl')));
    for (const item of items) {
      expect(item.author.handle).toMatch(/^\w+$/);
      expect(item.author.displayName).not.toBeNull();
      expect(item.url).toBe(`https://x.com/${item.author.handle}/status/${item.platformItemId}`);
    }
  });

  it('links reposts, quotes and replies by string id', async () => {
    const items = itemsOf(await readAll(fixture('brexit.jsonl')));
    for (const item of items) {
      expect(item.repostOfPlatformId !== null).toBe(item.kind === 'repost');
      if (item.kind === 'quote') expect(item.quotedPlatformId).toMatch(/^\d+$/);
      if (item.kind === 'reply') expect(item.inReplyToPlatformId).toMatch(/^\d+$/);
      expect(item.conversationPlatformId).toMatch(/^\d+$/);
    }
  });

  it('decodes &amp; in text and takes media from includes.media', async () => {
    const items = itemsOf(await readAll(fixture('brexit.jsonl')));
    expect(items.some((item) => item.content.text.includes('&amp;'))).toBe(false);
    expect(items.some((item) => item.content.text.includes(' & '))).toBe(true);
    // The 8 media of the data tweets are all in includes.media (6 photos, 2 animated GIFs whose
    // page has no variants, so their still is what can be kept).
    const dataMedia = items.slice(0, 100).flatMap((item) => item.content.media);
    expect(dataMedia).toHaveLength(8);
    expect(
      dataMedia.every(
        (m) => m.originalUrl?.startsWith('https://pbs.twimg.com/') && m.mimeType === 'image/jpeg',
      ),
    ).toBe(true);
    // The API does not expand media of includes.tweets: 16 of their 18 keys stay unresolved, said so.
    const contextMedia = items.slice(100).flatMap((item) => item.content.media);
    expect(contextMedia).toHaveLength(18);
    const unresolved = contextMedia.filter((m) => m.originalUrl === null);
    expect(unresolved).toHaveLength(16);
    for (const m of unresolved)
      expect(m.missingReason).toMatch(/is attached but the capture holds no media object/);
  });

  it('keeps each tweet as a one-tweet page with its includes and __twarc, identical on re-import', async () => {
    const first = itemsOf(await readAll(fixture('brexit.jsonl')));
    const second = itemsOf(await readAll(fixture('brexit.jsonl')));
    expect(second.map((item) => item.raw)).toEqual(first.map((item) => item.raw));
    const raw = JSON.parse(first[0]?.raw.body ?? '{}') as {
      data: { id: string };
      includes: { users: unknown[] };
      __twarc: { version: string };
    };
    expect(first[0]?.raw.format).toBe('twarc2');
    expect(raw.data.id).toBe(first[0]?.platformItemId);
    expect(raw.includes.users).toHaveLength(1);
    expect(raw.__twarc.version).toBe('2.5.0');
  });
});

describe('twarc2 reader on single-page fixtures', () => {
  it('media_tweet.jsonl: one post whose video resolves to its best mp4 variant', async () => {
    const items = itemsOf(await readAll(fixture('media_tweet.jsonl')));
    expect(items).toHaveLength(1); // includes.tweets repeats the data tweet
    const [item] = items;
    expect(item?.platformItemId).toBe('1558553189766631429');
    expect(item?.author.handle).toBe('IgorBrigadir');
    expect(item?.content.media).toEqual([
      {
        originalUrl:
          'https://video.twimg.com/ext_tw_video/1558552952549277696/pu/vid/1280x720/WiZrNZKT2lMzK5zA.mp4?tag=12',
        mimeType: 'video/mp4',
        altText: null,
        bytes: null,
        missingReason: null,
      },
    ]);
    // The pic.twitter.com link stands for the video, not for a link in the text.
    expect(item?.content.links).toEqual([]);
    expect(item?.edit).toEqual({
      platformVersionId: '1558553189766631429',
      editedAt: new Date('2022-08-13T20:36:51.000Z'),
      position: 0,
    });
  });

  it('edited.jsonl: the two versions of one edit chain become one item with positions 0 and 1', async () => {
    const items = itemsOf(await readAll(fixture('edited.jsonl')));
    expect(items).toHaveLength(2);
    expect(items.map((item) => item.platformItemId)).toEqual(['1576994746135764992', '1576994746135764992']);
    const byPosition = [...items].sort((a, b) => (a.edit?.position ?? -1) - (b.edit?.position ?? -1));
    const [original, edited] = byPosition;
    expect(original?.edit).toEqual({
      platformVersionId: '1576994746135764992',
      editedAt: new Date('2022-10-03T17:57:01.000Z'),
      position: 0,
    });
    expect(edited?.edit).toEqual({
      platformVersionId: '1576994789110992896',
      editedAt: new Date('2022-10-03T17:57:11.000Z'),
      position: 1,
    });
    expect(original?.content.text).toBe(
      'i miss y’all so much haha,,, https://t.co/glJ0r9uh9F https://t.co/4E9OBHOATs',
    );
    expect(edited?.content.text).toBe('hey :) https://t.co/rnwEIoNuqd');
    // Both versions carry the chain's publication time, URL and (mapped) conversation id.
    for (const version of byPosition) {
      expect(version.createdAt).toEqual(new Date('2022-10-03T17:57:01.000Z'));
      expect(version.url).toBe('https://x.com/wongmjane/status/1576994746135764992');
      expect(version.conversationPlatformId).toBe('1576994746135764992');
    }
    expect(original?.content.media).toHaveLength(1);
    expect(original?.content.language).toBe('en');
    expect(edited?.content.language).toBeNull(); // "qst" is X's code for very short text
  });

  it('quoted_edit.jsonl: a quote of the original and a reply to the edited version both point at the chain', async () => {
    const items = itemsOf(await readAll(fixture('quoted_edit.jsonl')));
    // The reply, plus the original and edited versions from includes.tweets (one chain).
    expect(items).toHaveLength(3);
    const reply = items.find((item) => item.platformItemId === '1576995594388000768');
    expect(reply?.kind).toBe('reply');
    expect(reply?.quotedPlatformId).toBe('1576994746135764992');
    expect(reply?.inReplyToPlatformId).toBe('1576994746135764992');
    expect(reply?.conversationPlatformId).toBe('1576994746135764992');
    expect(reply?.content.mentions).toEqual(['wongmjane']);
    expect(reply?.content.links).toEqual(['https://twitter.com/wongmjane/status/1576994746135764992']);
    expect(
      items
        .filter((item) => item.platformItemId === '1576994746135764992')
        .map((item) => item.edit?.position),
    ).toEqual([0, 1]);
  });

  it('two_tweets.jsonl: a retweet and its original from includes.tweets', async () => {
    const items = itemsOf(await readAll(fixture('two_tweets.jsonl')));
    expect(items).toHaveLength(2);
    const [retweet, original] = items;
    expect(retweet).toMatchObject({
      platformItemId: '1394735776701816833',
      kind: 'repost',
      repostOfPlatformId: '1391677057810288641',
      author: {
        platformActorId: '1379899464345923590',
        handle: 'LachiVeronica',
        displayName: 'Veronica Lachi',
      },
      edit: null, // captured before X had edits: no edit_history_tweet_ids
    });
    expect(retweet?.content).toMatchObject({
      text: 'RT @bibaigna96: #POIUYTREWQ',
      hashtags: ['POIUYTREWQ'],
      mentions: ['bibaigna96'],
      language: null,
    });
    expect(original).toMatchObject({
      platformItemId: '1391677057810288641',
      kind: 'post',
      author: { handle: 'bibaigna96' },
      createdAt: new Date('2021-05-10T08:50:41.000Z'),
      url: 'https://x.com/bibaigna96/status/1391677057810288641',
    });
  });
});

describe('twarc2 reader on streaming output', () => {
  it('reads the 7 stream lines and quarantines the cut-off 8th line', async () => {
    const records = await readAll(fixture('streaming_output_with_error.jsonl'));
    const items = itemsOf(records);
    // 7 matched tweets (data is one object per line) + 4 tweets they reference from includes.tweets.
    expect(items).toHaveLength(11);
    expect(new Set(records.filter((r) => r.kind === 'item').map((r) => r.location.line))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7]),
    );
    expect(countKinds(items)).toEqual({ post: 7, quote: 1, reply: 3 });

    const quarantined = quarantinesOf(records);
    expect(quarantined).toHaveLength(1);
    const [cutOff] = quarantined;
    const { size } = await stat(fixture('streaming_output_with_error.jsonl'));
    expect(cutOff?.location).toEqual({
      file: fixture('streaming_output_with_error.jsonl'),
      line: 8,
      offset: size - 44,
    });
    expect(cutOff?.reason).toMatch(/invalid JSON.*cut off/);
    expect(cutOff?.excerpt).toBe('{"data": {"author_id": "1021159080151404544"');
    expect(records.at(-1)).toBe(cutOff);
  });
});

describe('twarc2 reader on compliance results', () => {
  it('tweets_compliance.jsonl: two deletions with their reasons', async () => {
    const file = fixture('tweets_compliance.jsonl');
    const records = await readAll(file);
    const { mtime } = await stat(file);
    const notices = records.flatMap((r) => (r.kind === 'deletion' ? [r.notice] : []));
    expect(records).toHaveLength(2); // the blank first line is not a record
    expect(notices).toEqual<DeletionNotice[]>([
      {
        platform: 'x',
        platformItemId: '1170025343920402432',
        detectedAt: mtime,
        method: 'x-compliance:protected',
        platformDeletedAt: null, // created_at is the tweet's creation time, not the deletion's
      },
      {
        platform: 'x',
        platformItemId: '1170147183095664640',
        detectedAt: mtime,
        method: 'x-compliance:deactivated',
        platformDeletedAt: new Date('2021-08-17T17:26:15.788Z'),
      },
    ]);
    expect(records.map((r) => r.location.line)).toEqual([2, 3]);
    expect(records.map((r) => r.location.offset)).toEqual([1, 109]); // after the blank line and 107 + 1 bytes
  });
});

describe('twarc2 reader on flattened output (twarc2 flatten)', () => {
  it('flat.jsonl: 100 tweets with inlined authors, plus the 94 distinct tweets they inline as references', async () => {
    const records = await readAll(FLAT);
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    expect(items).toHaveLength(194);

    // The first item of each line is the line's own tweet, kept verbatim as its raw body.
    const firstPerLine = new Map<number, NormalisedItem>();
    for (const record of records) {
      if (record.kind === 'item' && record.location.line !== null && !firstPerLine.has(record.location.line))
        firstPerLine.set(record.location.line, record.item);
    }
    expect(firstPerLine.size).toBe(100);
    const main = [...firstPerLine.values()];
    expect(countKinds(main)).toEqual({ repost: 47, reply: 31, quote: 8, post: 14 });
    for (const item of items) expect(item.author.handle).toMatch(/^\w+$/);
    expect(main[0]).toMatchObject({
      platformItemId: '1380242611781386245',
      kind: 'repost',
      repostOfPlatformId: '1380175475545362437',
      author: { handle: 'Alexandravm12', displayName: 'Alexandra Machado' },
    });
    expect(JSON.parse(main[0]?.raw.body ?? '{}')).toHaveProperty('__twarc');
    // Line 81 inlines a referenced tweet with somebody else's `author` (a twarc flatten bug): the
    // author is looked up by author_id among the line's inlined users instead.
    const misattributed = items.find((item) => item.platformItemId === '1380239492452257798');
    expect(misattributed?.author.platformActorId).toBe('1350267463636721665');
    expect(misattributed?.author.handle).toBe('gaudofdeath'); // not the inlined CDonnyBrook1
    // The retweeted tweet inlined in line 1 is emitted as an item of its own.
    expect(items[1]).toMatchObject({
      platformItemId: '1380175475545362437',
      author: { handle: 'williamserafino' },
    });
  });
});
