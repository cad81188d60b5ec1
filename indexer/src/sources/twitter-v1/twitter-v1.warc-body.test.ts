import type { NormalisedItem } from '@bewaard/schema';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { twitterV1Source } from './twitter-v1.reader.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/**
 * The v1.1 response bodies of a real Social Feed Manager WARC, handed to readContent the way the
 * WARC router will. The WARC is split here by a minimal reader (enough for this fixture: gzip
 * members, `Content-Length` framing, gzip-encoded HTTP bodies); the real routing is not ours.
 */
const WARC = sharedFixture('warc/sfm_twitter_v1.1_user_timeline.warc.gz');

function responseBodies(): Array<{ uri: string; body: string }> {
  const warc = gunzipSync(readFileSync(WARC));
  const bodies: Array<{ uri: string; body: string }> = [];
  let at = 0;
  while (at < warc.length) {
    const headerEnd = warc.indexOf('\r\n\r\n', at);
    const header = warc.subarray(at, headerEnd).toString('latin1');
    const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
    const block = warc.subarray(headerEnd + 4, headerEnd + 4 + length);
    at = headerEnd + 4 + length + 4; // the block is followed by \r\n\r\n
    if (!header.includes('WARC-Type: response')) continue;
    const uri = /WARC-Target-URI: (\S+)/.exec(header)?.[1] ?? '';
    const httpEnd = block.indexOf('\r\n\r\n');
    bodies.push({ uri, body: gunzipSync(block.subarray(httpEnd + 4)).toString('utf8') });
  }
  return bodies;
}

async function readContent(label: string, content: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of twitterV1Source.readContent!(label, content)) records.push(record);
  return records;
}
const itemsOf = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));

describe('twitter-v1.1 readContent on the SFM user_timeline WARC bodies', () => {
  const bodies = responseBodies();

  it('finds the users/lookup response and the three user_timeline pages', () => {
    expect(bodies.map((b) => new URL(b.uri).pathname)).toEqual([
      '/1.1/users/lookup.json',
      '/1.1/statuses/user_timeline.json',
      '/1.1/statuses/user_timeline.json',
      '/1.1/statuses/user_timeline.json',
    ]);
  });

  it('page 1: 200 tweets plus the 27 retweeted originals, 22 quoted tweets and 2 quotes inside retweets', async () => {
    const { uri, body } = bodies[1]!;
    const records = await readContent(`sfm.warc.gz#record-4 ${uri}`, body);
    expect(records.every((r) => r.kind === 'item')).toBe(true);
    const items = itemsOf(records);
    // Computed from the body: 200 + 27 retweeted_status + 22 quoted_status + 2 quoted_status
    // nested in a retweeted_status = 251, all distinct ids.
    expect(items).toHaveLength(251);
    expect(new Set(items.map((i) => i.platformItemId)).size).toBe(251);
    expect(items[0]?.platformItemId).toBe('721345764362948609');
    expect(items[0]?.kind).toBe('quote');
    expect(items[0]?.quotedPlatformId).toBe('718201370885488642');
    expect(records[0]?.location).toEqual({ file: `sfm.warc.gz#record-4 ${uri}`, line: 1, offset: 1 });
  });

  it('page 1 kinds of the 200 timeline tweets: 119 posts, 32 replies, 27 reposts, 22 quotes', async () => {
    const { uri, body } = bodies[1]!;
    const timelineIds = new Set((JSON.parse(body) as Array<{ id_str: string }>).map((t) => t.id_str));
    const items = itemsOf(await readContent(uri, body)).filter((i) => timelineIds.has(i.platformItemId));
    const kinds: Record<string, number> = {};
    for (const item of items) kinds[item.kind] = (kinds[item.kind] ?? 0) + 1;
    expect(kinds).toEqual({ post: 119, reply: 32, repost: 27, quote: 22 });
  });

  it('page 2: 44 tweets plus 8 nested context tweets; page 3 is an empty list and yields nothing', async () => {
    expect(itemsOf(await readContent('p2', bodies[2]!.body))).toHaveLength(52);
    expect(await readContent('p3', bodies[3]!.body)).toEqual([]);
  });

  it('users/lookup: the user\'s latest status becomes an item authored by that user', async () => {
    const items = itemsOf(await readContent('lookup', bodies[0]!.body));
    expect(items.map((i) => [i.platformItemId, i.author.platformActorId, i.author.handle])).toEqual([['721345764362948609', '481186914', 'justin_littman']]);
  });
});
