import type { NormalisedItem } from '@bewaard/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { twarc2Source } from '../twarc2/twarc2.reader.js';
import { twitterV1Source } from './twitter-v1.reader.js';
import { FIXTURES } from '../../testing/fixtures.js';

/** Real v1.1 tweets (dogsheep/twitter-to-sqlite, bear/python-twitter); see fixtures SOURCES.md. */
const fixture = (name: string): string => join(FIXTURES, 'twitter-v1.1', name);

async function readAll(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of twitterV1Source.read(file)) records.push(record);
  return records;
}
const itemsOf = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
const head = (file: string): string => readFileSync(file, 'utf8').slice(0, 64 * 1024);

describe('twitter-v1.1 on dogsheep_tweets.json (a JSON array: a retweet, a reply, a quote)', () => {
  it('emits 5 items: the 3 tweets plus the retweeted original and the quoted tweet, each after its carrier', async () => {
    const records = await readAll(fixture('dogsheep_tweets.json'));
    expect(records.every((r) => r.kind === 'item')).toBe(true);
    expect(itemsOf(records).map((i) => [i.platformItemId, i.kind, i.author.handle])).toEqual([
      ['1169246717864136705', 'repost', 'simonw'],
      ['1169242008432644097', 'post', 'drvox'],
      ['1169196446043664385', 'reply', 'simonw'],
      ['1168529001599533057', 'quote', 'simonw'],
      ['861696799362478085', 'post', 'bwhitman'],
    ]);
    // Pretty-printed array: each element is located at the line it starts on; nested tweets
    // (the retweeted original, the quoted tweet) share their carrier's location.
    expect(records.map((r) => r.location.line)).toEqual([2, 2, 222, 480, 480]);
    expect(records[0]?.location.offset).toBe(6);
  });

  it('links the repost, reply and quote by their *_str ids (the numeric ids lost digits)', async () => {
    const [repost, original, reply, quote] = itemsOf(await readAll(fixture('dogsheep_tweets.json')));
    expect(repost?.repostOfPlatformId).toBe('1169242008432644097');
    expect(reply?.inReplyToPlatformId).toBe('1169079390577319937');
    expect(quote?.quotedPlatformId).toBe('861696799362478085');
    expect(original?.author).toEqual({ platformActorId: '22737278', handle: 'drvox', displayName: 'David Roberts' });
    expect(repost?.url).toBe('https://x.com/simonw/status/1169246717864136705');
    expect(repost?.createdAt.toISOString()).toBe('2019-09-04T13:51:55.000Z');
    // A post or quote roots its own conversation; a reply's root is unknown in v1.1.
    expect([original?.conversationPlatformId, reply?.conversationPlatformId]).toEqual(['1169242008432644097', null]);
  });

  it('gives the repost the original\'s full text (the outer full_text is cut with "…"), kept as captured in raw', async () => {
    const [repost, original] = itemsOf(await readAll(fixture('dogsheep_tweets.json')));
    expect(original?.content.text).toMatch(/^My new post: an explainer on “carbon capture & utilization” \(CCU\)\..*scale up\? https:\/\/t\.co\/cVDz7Xxi4E$/);
    expect(repost?.content.text).toBe(`RT @drvox: ${original?.content.text}`);
    expect(repost?.content.mentions).toEqual(['drvox']);
    expect(repost?.raw.body).toContain('"full_text":"RT @drvox: My new post: an explainer on “carbon capture &amp; utilization” (CCU). CO2 captured from waste gases or the ambient air can be used…"');
    expect(repost?.raw.format).toBe('twitter-v1.1');
  });

  it('keeps the reply\'s full text (display_text_range is not applied) and its media', async () => {
    const reply = itemsOf(await readAll(fixture('dogsheep_tweets.json')))[2];
    expect(reply?.content.text.startsWith('@scientiffic @Wikipedia @unsplash @cagarrity The @inaturalist API')).toBe(true);
    expect(reply?.content.mentions).toEqual(['scientiffic', 'Wikipedia', 'unsplash', 'cagarrity', 'inaturalist', 'Natbat', 'observablehq']);
    expect(reply?.content.links).toEqual(['http://www.owlsnearme.com', 'https://24ways.org/2018/observable-notebooks-and-inaturalist/']);
    // The fixture's extended_entities were pasted from another tweet; they are taken as captured.
    expect(reply?.content.media).toEqual([
      { originalUrl: 'https://pbs.twimg.com/media/BwEmlDHCMAEGwu_.jpg', mimeType: 'image/jpeg', altText: null, bytes: null, missingReason: null },
    ]);
  });

  it('is deterministic: a second read gives identical items (raw included)', async () => {
    const file = fixture('dogsheep_tweets.json');
    expect(itemsOf(await readAll(file))).toEqual(itemsOf(await readAll(file)));
  });
});

describe('twitter-v1.1 compat, extended and streaming modes of long tweets', () => {
  it('compat mode: keeps the cut 140-character text; truncated:true stays in raw; the self link is dropped', async () => {
    const [compat] = itemsOf(await readAll(fixture('extended_tweet_in_compat_mode.json')));
    expect(compat?.platformItemId).toBe('782737772490600448');
    expect(compat?.content.text).toBe('has more details about these changes.  Thanks for making more expressive!writing requirements to python_twitt pytho… https://t.co/et3OTOxWSa');
    expect(compat?.raw.body).toContain('"truncated":true');
    // The only URL entity is twitter.com/i/web/status/<own id>: compat mode's "read more" link.
    expect(compat?.content.links).toEqual([]);
    expect(compat?.content.media).toEqual([]);
  });

  it('extended mode: full_text whole, with the photo that compat mode cut off', async () => {
    const [extended] = itemsOf(await readAll(fixture('extended_tweet_in_extended_mode.json')));
    expect(extended?.platformItemId).toBe('782737772490600448');
    expect(extended?.content.text).toBe('has more details about these changes.  Thanks for making more expressive!writing requirements to python_twitt python_twitter.egg-info/SOURCE https://t.co/JWSPztfoyt');
    expect(extended?.content.media.map((m) => m.originalUrl)).toEqual(['https://pbs.twimg.com/media/CtzX2fnXEAAMAjK.jpg']);
    expect(extended?.raw.body).toContain('"truncated":false');
  });

  it('the two captures are one item whose content differs: the store will keep them as two versions', async () => {
    const [compat] = itemsOf(await readAll(fixture('extended_tweet_in_compat_mode.json')));
    const [extended] = itemsOf(await readAll(fixture('extended_tweet_in_extended_mode.json')));
    expect(compat?.platformItemId).toBe(extended?.platformItemId);
    expect(compat?.createdAt).toEqual(extended?.createdAt);
    expect(compat?.content).not.toEqual(extended?.content);
  });

  it('streaming: extended_tweet.full_text wins over the 140-character text, with its own entities', async () => {
    const [streamed] = itemsOf(await readAll(fixture('streaming_extended_tweet.json')));
    expect(streamed?.platformItemId).toBe('971726741583605760');
    expect(streamed?.content.text).toHaveLength(203); // 207 before "&amp;" (5 characters) became "&"
    expect(streamed?.content.text.endsWith('from ClouData & Multiverse -  https://t.co/cnCBNJvu6T')).toBe(true);
    expect(streamed?.content.links).toEqual([
      'http://www.amazon.com/gp/product/1782167897/ref=as_li_tf_tl?ie=UTF8&camp=1789&creative=9325&creativeASIN=1782167897&linkCode=as2&tag=hardwaresoftw-20',
      'http://hwswworld.com/index.php?route=product/category&path=13',
    ]);
    expect(streamed?.author).toEqual({ platformActorId: '2319610428', handle: 'ClouDatAI', displayName: 'AIBigDataCloudIoTBot' });
  });
});

describe('twitter-v1.1 detection', () => {
  it('accepts every v1.1 fixture', () => {
    for (const name of ['dogsheep_tweets.json', 'extended_tweet_in_compat_mode.json', 'extended_tweet_in_extended_mode.json', 'streaming_extended_tweet.json']) {
      expect(twitterV1Source.detect(fixture(name), head(fixture(name))), name).toBe(true);
    }
  });

  it('rejects API v2 (twarc2) output, X archive files and Mastodon statuses; twarc2 rejects v1.1', () => {
    for (const file of [
      join(FIXTURES, 'twitter-v2-twarc2/brexit.jsonl'),
      join(FIXTURES, 'twitter-v2-twarc2-flattened/flat.jsonl'),
      join(FIXTURES, 'twitter-archive-ytd/twoo_tweets.js'),
      join(FIXTURES, 'mastodon-api/bigbone_public_timeline.json'),
    ]) {
      expect(twitterV1Source.detect(file, head(file)), file).toBe(false);
    }
    expect(twarc2Source.detect('x.json', head(fixture('dogsheep_tweets.json')))).toBe(false);
    expect(twarc2Source.detect('x.json', head(fixture('streaming_extended_tweet.json')))).toBe(false);
  });

  it('recognises a page longer than the head by its markers, and an empty list not at all', () => {
    const page = readFileSync(fixture('dogsheep_tweets.json'), 'utf8').replace(/\n\s*/g, '');
    expect(twitterV1Source.detect('page.jsonl', page.slice(0, 5000))).toBe(true);
    expect(twitterV1Source.detect('empty.json', '[]\n')).toBe(false);
  });
});
