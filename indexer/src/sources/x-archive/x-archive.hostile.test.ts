import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { xArchiveSource } from './x-archive.reader.js';
import { archiveTweet, dataFile, itemsOf, MANIFEST, readAll, reasonsOf, writeTree } from './x-archive.testkit.js';

/** Constructed archive files: edits, multi-part files, old layouts and broken input. */

let root: string;
let count = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bewaard-xarchive-hostile-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes the files into a fresh archive folder and reads `name` from it. */
async function readIn(files: Record<string, string>, name: string): Promise<SourceRecord[]> {
  const dir = await writeTree(join(root, `archive-${(count += 1)}`), files);
  return readAll(xArchiveSource, join(dir, name));
}

const kinds = (records: SourceRecord[]) => records.map((r) => r.kind);

/** The id X would give a tweet posted at `iso`: milliseconds since X's epoch, shifted 22 bits. */
const snowflakeAt = (iso: string): string => ((BigInt(Date.parse(iso)) - 1288834974657n) << 22n).toString();

describe('x-archive edits and layouts', () => {
  it('keeps an edit chain as one item: positions from editTweetIds, references to a later version mapped', async () => {
    // Real-looking ids: snowflakes of the tweets' created_at times, so the two agree.
    const [a, b] = [snowflakeAt('2023-01-02T03:04:05Z'), snowflakeAt('2023-01-02T03:10:00Z')];
    const chain = [a, b];
    const records = await readIn(
      {
        'data/manifest.js': MANIFEST,
        'data/tweets.js': dataFile('tweets', [
          // A self-reply to the edited version, before the chain appears in the file.
          { tweet: archiveTweet(snowflakeAt('2023-01-02T03:20:00Z'), { in_reply_to_status_id_str: b, created_at: 'Mon Jan 02 03:20:00 +0000 2023' }) },
          { tweet: archiveTweet(b, { edit_info: { edit: { initialTweetId: a, editControlInitial: { editTweetIds: chain } } }, created_at: 'Mon Jan 02 03:10:00 +0000 2023', full_text: 'fixed typo' }) },
          { tweet: archiveTweet(a, { edit_info: { initial: { editTweetIds: chain } }, full_text: 'fixd typo' }) },
        ]),
      },
      'data/tweets.js',
    );
    const [reply, edited, original] = itemsOf(records);
    expect(reply?.inReplyToPlatformId).toBe(a);
    expect(reply?.author).toEqual({ platformActorId: '1234567890', handle: 'MinBZK', displayName: 'Ministerie van BZK' });
    expect([edited?.platformItemId, edited?.edit?.platformVersionId, edited?.edit?.position]).toEqual([a, b, 1]);
    expect([original?.platformItemId, original?.edit?.platformVersionId, original?.edit?.position]).toEqual([a, a, 0]);
    // The item's creation is the first version's, the same whichever version is read.
    expect(edited?.createdAt).toEqual(new Date('2023-01-02T03:04:05.000Z'));
    expect(edited?.edit?.editedAt).toEqual(new Date('2023-01-02T03:10:00.000Z'));
    expect(edited?.url).toBe(`https://x.com/MinBZK/status/${a}`);
  });

  it('reads each part of a split tweets file (tweets.js, tweets-part1.js) on its own', async () => {
    const files = {
      'data/tweets.js': dataFile('tweets', [{ tweet: archiveTweet('1610000000000000011') }]),
      'data/tweets-part1.js': dataFile('tweets', [{ tweet: archiveTweet('1610000000000000012') }, { tweet: archiveTweet('1610000000000000013') }], 1),
    };
    expect(itemsOf(await readIn(files, 'data/tweets.js'))).toHaveLength(1);
    expect(itemsOf(await readIn(files, 'data/tweets-part1.js')).map((i) => i.platformItemId)).toEqual(['1610000000000000012', '1610000000000000013']);
  });

  it('reads the oldest layout (tweet objects without the {"tweet": …} wrapper) and account.js as the owner', async () => {
    const account = 'window.YTD.account.part0 = [ { "account" : { "accountId" : "77", "username" : "MinFin", "accountDisplayName" : "Financiën" } } ]';
    const records = await readIn({ 'data/account.js': account, 'data/tweet.js': dataFile('tweet', [archiveTweet('1610000000000000021')]) }, 'data/tweet.js');
    expect(itemsOf(records).map((i) => [i.platformItemId, i.author.handle, i.raw.body.startsWith('{"edit_info"')])).toEqual([['1610000000000000021', 'MinFin', true]]);
  });

  it('yields nothing for data types it does not archive (likes), and checks manifest.js', async () => {
    const like = dataFile('like', [{ like: { tweetId: '1', fullText: 'liked' } }]);
    expect(await readIn({ 'data/like.js': like }, 'data/like.js')).toEqual([]);
    const broken = await readIn({ 'data/manifest.js': 'window.__THAR_CONFIG = { "userInfo" : ' }, 'data/manifest.js');
    expect(reasonsOf(broken)).toEqual([expect.stringMatching(/^manifest\.js is not valid JSON after its prefix .*; the archive owner cannot be read from it$/) as string]);
  });
});

describe('x-archive on broken input', () => {
  it('quarantines a broken element in the middle with its line, keeping the elements around it', async () => {
    const good = (id: string) => JSON.stringify({ tweet: archiveTweet(id) });
    const content = `window.YTD.tweets.part0 = [\n${good('1610000000000000031')},\n{ "tweet" : { "id_str" : "1610000000000000032", oops } },\n${good('1610000000000000033')}\n]`;
    const records = await readIn({ 'data/tweets.js': content }, 'data/tweets.js');
    expect(kinds(records)).toEqual(['item', 'quarantine', 'item']);
    expect(records[1]?.location.line).toBe(3);
    expect(reasonsOf(records)[0]).toMatch(/^element 1 is not valid JSON/);
  });

  it('refuses a numeric id_str or reply id (JSON numbers above 2^53 are already corrupted)', async () => {
    const content = dataFile('tweets', [{ tweet: archiveTweet('1610000000000000041') }, { tweet: archiveTweet('1610000000000000042', { in_reply_to_status_id_str: 5 }) }])
      .replace('"id_str": "1610000000000000041"', '"id_str": 1610000000000000041');
    const records = await readIn({ 'data/tweets.js': content }, 'data/tweets.js');
    expect(reasonsOf(records)).toEqual([
      expect.stringMatching(/^tweets\[0\]\.tweet\.id_str is the number 1610000000000000000, not a string/) as string,
      expect.stringMatching(/^tweets\[1\]\.tweet\.in_reply_to_status_id_str is the number 5, not a string/) as string,
    ]);
  });

  it('says clearly when the JavaScript prefix is wrong (and detect refuses such a file)', async () => {
    const records = await readIn({ 'data/tweets.js': 'var tweets = [ { "tweet" : { } } ]' }, 'data/tweets.js');
    expect(reasonsOf(records)).toEqual(['not an X archive data file: it does not start with "window.YTD.<type>.part<N> = " or "window.__THAR_CONFIG = " (it starts with "var tweets = [ { \\"tweet\\" : { } } ]")']);
    expect(records[0]?.location).toMatchObject({ line: 1, offset: 0 });
    expect(xArchiveSource.detect('tweets.js', 'var tweets = [')).toBe(false);
  });

  it('reports a file cut off mid-element after reading the complete elements', async () => {
    const content = dataFile('tweets', [{ tweet: archiveTweet('1610000000000000051') }, { tweet: archiveTweet('1610000000000000052') }]);
    const records = await readIn({ 'data/tweets.js': content.slice(0, content.length - 40) }, 'data/tweets.js');
    expect(kinds(records)).toEqual(['item', 'quarantine']);
    expect(reasonsOf(records)[0]).toMatch(/^the input ends inside element 1 .*cut off/);
  });

  it('quarantines an element that is not a tweet, and a list where the prefix promised a list but got an object', async () => {
    const records = await readIn({ 'data/tweets.js': dataFile('tweets', [{ like: { tweetId: '1' } }]) }, 'data/tweets.js');
    expect(reasonsOf(records)).toEqual(['tweets[0] is a JSON object with keys like, not an archive tweet ({"tweet": {…}})']);
    const object = await readIn({ 'data/tweets.js': 'window.YTD.tweets.part0 = { "tweet" : { } }' }, 'data/tweets.js');
    expect(reasonsOf(object)[0]).toMatch(/holds a JSON object that is not the list an archive data file holds/);
  });

  it('keeps a deletion whose deleted_at cannot be read, without a time, and reports the field', async () => {
    const content = dataFile('deleted_tweets', [{ tweet: archiveTweet('1610000000000000061', { deleted_at: 'gisteren' }) }]);
    const records = await readIn({ 'data/deleted-tweets.js': content }, 'data/deleted-tweets.js');
    expect(kinds(records)).toEqual(['item', 'deletion', 'quarantine']);
    expect(records[1]?.kind === 'deletion' && records[1].notice.platformDeletedAt).toBeNull();
    expect(reasonsOf(records)).toEqual(['deleted_tweets[0].tweet.deleted_at is not a timestamp: "gisteren"; the deletion is kept without a time']);
  });
});

describe('x-archive readContent (a data file held in memory)', () => {
  it('reads the tweets with an unknown owner, no media folder, and deletions dated by deleted_at', async () => {
    const photo = { media: [{ type: 'photo', media_url_https: 'https://pbs.twimg.com/media/ABC.jpg', id_str: '9' }] };
    const content = dataFile('deleted_tweets', [{ tweet: archiveTweet('1610000000000000071', { extended_entities: photo, deleted_at: 'Tue Jan 03 10:00:00 +0000 2023' }) }]);
    const records: SourceRecord[] = [];
    for await (const record of xArchiveSource.readContent!('mem#deleted-tweets.js', content)) records.push(record);
    expect(kinds(records)).toEqual(['item', 'deletion']);
    const item = itemsOf(records)[0];
    expect(item?.author.platformActorId).toBe('archive-owner');
    expect(item?.content.media[0]?.missingReason).toBe('read without the archive export around it (no media folder available)');
    expect(records[1]?.kind === 'deletion' && records[1].notice.detectedAt).toEqual(new Date('2023-01-03T10:00:00.000Z'));
    // "window.YTD.deleted_tweets.part0 = [\n  {": the element starts at byte 38 of line 2.
    expect(records[0]?.location).toEqual({ file: 'mem#deleted-tweets.js', line: 2, offset: 38 });
  });
});
