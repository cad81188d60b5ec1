import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xArchiveSource } from './x-archive.reader.js';
import { archiveTweet, dataFile, itemsOf, MANIFEST, readAll, reasonsOf, writeTree, zipFolder } from './x-archive.testkit.js';
import { xArchiveZipSource } from './x-archive.zip-reader.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** A small X archive built here, read as a folder and as the zip X delivers. */

const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const photo = { media: [{ type: 'photo', id_str: '99', media_url_https: 'https://pbs.twimg.com/media/Fab12.jpg' }] };
const ARCHIVE = {
  'Your archive.html': '<!DOCTYPE html><html></html>',
  'data/manifest.js': MANIFEST,
  'data/tweets.js': dataFile('tweets', [
    { tweet: archiveTweet('1610000000000000101', { extended_entities: photo, full_text: 'Kabinet &amp; Kamer https://t.co/x' }) },
    { tweet: archiveTweet('1610000000000000102', { in_reply_to_status_id_str: '1610000000000000101' }) },
  ]),
  'data/tweets-part1.js': dataFile('tweets', [{ tweet: archiveTweet('1610000000000000103') }], 1),
  'data/deleted-tweets.js': dataFile('deleted_tweets', [{ tweet: archiveTweet('1610000000000000104', { deleted_at: 'Tue Jan 03 10:00:00 +0000 2023' }) }]),
  'data/like.js': dataFile('like', [{ like: { tweetId: '1', fullText: 'liked' } }]),
  'data/tweets_media/1610000000000000101-Fab12.jpg': PHOTO,
};

let dir: string;
let zip: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-xarchive-zip-'));
  await writeTree(join(dir, 'unpacked'), ARCHIVE);
  zip = join(dir, 'export.zip');
  zipFolder(join(dir, 'unpacked'), zip, ['Your archive.html', 'data']);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The head as detectSource decodes it (non-fatal UTF-8: binary bytes become U+FFFD). */
const headOf = async (file: string): Promise<string> => new TextDecoder('utf-8').decode((await readFile(file)).subarray(0, 64 * 1024), { stream: true });

describe('x-archive-zip', () => {
  it('detects an X archive zip by the entry names in its first bytes, or by X\'s file name', async () => {
    expect(xArchiveZipSource.detect(zip, await headOf(zip))).toBe(true);
    expect(xArchiveZipSource.detect('/in/twitter-2024-01-31-0a1b2c3d.zip', 'PK\u0003\u0004\u0014\u0000 media/big.mp4')).toBe(true);
    const wacz = sharedFixture('wacz/valid_signed_example_1.wacz');
    expect(xArchiveZipSource.detect(wacz, await headOf(wacz))).toBe(false);
    expect(xArchiveZipSource.detect('tweets.js', 'window.YTD.tweets.part0 = [')).toBe(false);
  });

  it('detects the zip from its raw bytes too (detectBinary, asked before binary files are refused)', async () => {
    expect(xArchiveZipSource.detectBinary?.(zip, (await readFile(zip)).subarray(0, 64 * 1024))).toBe(true);
    const wacz = sharedFixture('wacz/valid_signed_example_1.wacz');
    expect(xArchiveZipSource.detectBinary?.(wacz, (await readFile(wacz)).subarray(0, 64 * 1024))).toBe(false);
    expect(xArchiveZipSource.detectBinary?.('a.js', Buffer.from('window.YTD.tweets.part0 = ['))).toBe(false);
  });

  it('reads the tweet files in name order, with the manifest\'s owner, located at <zip>#<entry>', async () => {
    const records = await readAll(xArchiveZipSource, zip);
    expect(records.map((r) => [r.kind, r.location.file.replace(zip, 'zip')])).toEqual([
      ['item', 'zip#data/deleted-tweets.js'],
      ['deletion', 'zip#data/deleted-tweets.js'],
      ['item', 'zip#data/tweets-part1.js'],
      ['item', 'zip#data/tweets.js'],
      ['item', 'zip#data/tweets.js'],
    ]);
    const items = itemsOf(records);
    expect(items.every((i) => i.author.handle === 'MinBZK' && i.author.platformActorId === '1234567890')).toBe(true);
    expect(records[1]?.kind === 'deletion' && records[1].notice).toMatchObject({
      platformItemId: '1610000000000000104',
      detectedAt: new Date('2024-01-31T10:00:00.000Z'),
      platformDeletedAt: new Date('2023-01-03T10:00:00.000Z'),
    });
    expect(records[3]?.location).toMatchObject({ line: 2, offset: 30 });
  });

  it('takes media bytes from data/tweets_media inside the zip', async () => {
    const items = itemsOf(await readAll(xArchiveZipSource, zip));
    const medium = items.find((i) => i.platformItemId === '1610000000000000101')?.content.media[0];
    expect(medium).toMatchObject({ originalUrl: 'https://pbs.twimg.com/media/Fab12.jpg', mimeType: 'image/jpeg', missingReason: null });
    expect(Buffer.from(medium?.bytes ?? [])).toEqual(PHOTO);
    expect(items.find((i) => i.platformItemId === '1610000000000000101')?.content.text).toBe('Kabinet & Kamer https://t.co/x');
  });

  it('yields the same items as the unpacked folder read file by file', async () => {
    const fromZip = itemsOf(await readAll(xArchiveZipSource, zip));
    const fromFolder = [];
    for (const name of ['deleted-tweets.js', 'tweets-part1.js', 'tweets.js']) {
      fromFolder.push(...itemsOf(await readAll(xArchiveSource, join(dir, 'unpacked/data', name))));
    }
    expect(fromZip).toEqual(fromFolder);
  });

  it('finds an archive that sits in a folder inside the zip', async () => {
    await writeTree(join(dir, 'nested/twitter-2024-01-31'), ARCHIVE);
    const nested = join(dir, 'nested.zip');
    zipFolder(join(dir, 'nested'), nested, ['twitter-2024-01-31']);
    const records = await readAll(xArchiveZipSource, nested);
    expect(itemsOf(records)).toHaveLength(4);
    expect(records[0]?.location.file).toBe(`${nested}#twitter-2024-01-31/data/deleted-tweets.js`);
  });

  it('quarantines a zip that is not an X archive, and a file that is not a zip at all', async () => {
    const other = join(dir, 'other.zip');
    await writeTree(join(dir, 'other'), { 'notes.txt': 'hello' });
    zipFolder(join(dir, 'other'), other, ['notes.txt']);
    expect(reasonsOf(await readAll(xArchiveZipSource, other))).toEqual(['the zip holds no data/manifest.js, data/account.js or data/tweets.js: not an X archive']);
    const broken = join(dir, 'broken.zip');
    await writeFile(broken, 'PK\u0003\u0004 not really a zip');
    const records = await readAll(xArchiveZipSource, broken);
    expect(reasonsOf(records)).toEqual([expect.stringMatching(/^cannot be read as a zip archive \(/) as string]);
    expect(records[0]?.location).toEqual({ file: broken, line: null, offset: null });
  });
});
