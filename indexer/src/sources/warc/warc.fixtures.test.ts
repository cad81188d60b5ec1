import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../cli/run-cli.testkit.js';
import { twarc2Source } from '../twarc2/twarc2.reader.js';
import { twitterV1Source } from '../twitter-v1/twitter-v1.reader.js';
import { collect, itemsOf, quarantinesOf } from './test/records.js';
import { createWarcSource, isWarcHead, warcSource } from './warc.source.js';

/** Real Social Feed Manager harvests (gwu-libraries/sfm-twitter-harvester); see SOURCES.md. */
const V2 = join(FIXTURES, 'warc/sfm_twitter_v2_search_recent.warc.gz');
const V1 = join(FIXTURES, 'warc/sfm_twitter_v1.1_user_timeline.warc.gz');

describe('WARC source on the SFM X API v2 harvest (warcinfo, response, request)', () => {
  it('routes the gzip-encoded search page to twarc2: the 9 tweets of @gelmanlibrary, nothing quarantined', async () => {
    const records = await collect(warcSource.read(V2));
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    // data holds 9 tweets; includes.tweets repeats the same 9, emitted once.
    expect(items.map((item) => item.platformItemId)).toEqual([
      '1631682421757181953',
      '1631038600174526466',
      '1631009911357460481',
      '1630627896673878019',
      '1630350063364087811',
      '1630341255447322625',
      '1629926773986295809',
      '1629921740930580481',
      '1629176329378885632',
    ]);
    expect(
      items.every((item) => item.author.handle === 'gelmanlibrary' && item.raw.format === 'twarc2'),
    ).toBe(true);
    expect(items[0]?.content.text).toMatch(
      /^If you’ve been in Gelman this past week, you may have noticed our middle elevator/,
    );
    expect(items[8]?.content.text).toMatch(/^Learn how to create maps of location data/);
  });

  it('locates each item at the response record: label with file, offset and URI; the gzip member offset', async () => {
    const records = await collect(warcSource.read(V2));
    for (const { location } of records) {
      expect(location.file).toMatch(
        new RegExp(
          `^${V2.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#379 https://api\\.twitter\\.com/2/tweets/search/recent\\?`,
        ),
      );
      expect(location.offset).toBe(379);
    }
    // 379 is where the response's gzip member starts (warcinfo is the first member).
    expect(readFileSync(V2).subarray(379, 381)).toEqual(Buffer.from([0x1f, 0x8b]));
  });
});

describe('WARC source on the SFM X API v1.1 harvest (users/lookup and 3 user_timeline pages)', () => {
  const TIMELINE = 'https://api.twitter.com/1.1/statuses/user_timeline.json?count=200';

  it('without a v1.1 reader, quarantines the 3 v1.1 bodies with their URI and what they hold', async () => {
    const records = await collect(createWarcSource(() => [twarc2Source]).read(V1));
    expect(itemsOf(records)).toEqual([]);
    const quarantined = quarantinesOf(records);
    // The 4th page is `[]` (past the last tweet): nothing in it, skipped.
    expect(quarantined.map((q) => [q.location.offset, q.reason.split(' ')[3]])).toEqual([
      [403, 'https://api.twitter.com/1.1/users/lookup.json?screen_name=justin_littman'],
      [3258, `${TIMELINE}&user_id=481186914`],
      [63105, `${TIMELINE}&max_id=625631533756510207&user_id=481186914`],
    ]);
    for (const q of quarantined)
      expect(q.reason).toMatch(
        /^response body from \S+ \(content-type application\/json;charset=utf-8; .*decoded from gzip\) matches no known format: .*formats tried: twarc2$/,
      );
    expect(quarantined[0]?.reason).toMatch(
      /a JSON list of 1 items, the first with keys id, id_str, name, screen_name/,
    );
    expect(quarantined[1]?.reason).toMatch(
      /a JSON list of 200 items, the first with keys created_at, id, id_str, text/,
    );
    expect(quarantined[2]?.reason).toMatch(/a JSON list of 44 items/);
  });

  it('with the v1.1 reader registered, routes the timeline pages to it: 200 + 44 tweets by @justin_littman', async () => {
    const records = await collect(createWarcSource(() => [twarc2Source, twitterV1Source]).read(V1));
    const items = itemsOf(records);
    expect(items.every((item) => item.raw.format === twitterV1Source.format)).toBe(true);
    const ownAt = (offset: number) =>
      records.filter(
        (r) => r.kind === 'item' && r.location.offset === offset && r.item.author.handle === 'justin_littman',
      ).length;
    expect([ownAt(3258), ownAt(63105)]).toEqual([200, 44]);
    expect(items[0]?.platformItemId).toBe('721345764362948609');
    expect(items[0]?.content.text).toMatch(
      /^Archivists should "teach communities to assure that the things they create outlive them/,
    );
    // users/lookup holds a user, not a timeline: whatever the v1.1 reader makes of it, it is not lost.
    expect(records.some((r) => r.location.offset === 403)).toBe(true);
  });
});

describe('WARC detection', () => {
  it('recognises a .warc.gz by its first gzip member, and a plain WARC by its version line', () => {
    expect(isWarcHead(readFileSync(V1).subarray(0, 64 * 1024))).toBe(true);
    expect(isWarcHead(Buffer.from('WARC/1.1\r\nWARC-Type: warcinfo\r\n'))).toBe(true);
    expect(warcSource.detect('x.warc', 'WARC/1.0\r\nWARC-Type: warcinfo\r\n')).toBe(true);
  });

  it('does not take other gzip files or text for a WARC', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(isWarcHead(gzipSync('{"data":[]}\n'))).toBe(false);
    expect(isWarcHead(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toBe(false);
    expect(warcSource.detect('x.jsonl', '{"data":[]}')).toBe(false);
  });
});
