import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { FIXTURES, fixture } from '../testing/fixtures.js';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSource, listInputFiles } from './detect.js';


let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-detect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Every real fixture and the one source that must claim it (each reader's own tests check its records). */
const FIXTURE_FORMATS: Record<string, string> = {
  'twitter-v2-twarc2/brexit.jsonl': 'twarc2', // first line (356 KB) does not fit in the 64 KiB head
  'twitter-v2-twarc2/edited.jsonl': 'twarc2',
  'twitter-v2-twarc2/media_tweet.jsonl': 'twarc2',
  'twitter-v2-twarc2/quoted_edit.jsonl': 'twarc2',
  'twitter-v2-twarc2/streaming_output_with_error.jsonl': 'twarc2',
  'twitter-v2-twarc2/tweets_compliance.jsonl': 'twarc2', // starts with a blank line
  'twitter-v2-twarc2/two_tweets.jsonl': 'twarc2',
  'twitter-v2-twarc2-flattened/flat.jsonl': 'twarc2',
  'twitter-v1.1/dogsheep_tweets.json': 'twitter-v1.1',
  'twitter-v1.1/extended_tweet_in_compat_mode.json': 'twitter-v1.1',
  'twitter-v1.1/extended_tweet_in_extended_mode.json': 'twitter-v1.1',
  'twitter-v1.1/streaming_extended_tweet.json': 'twitter-v1.1',
  'twitter-archive-ytd/twoo_tweets.js': 'x-archive',
  'twitter-archive-ytd/milahu104_deleted-tweets.js': 'x-archive',
  'twitter-archive-ytd/milahu104_community-tweet.js': 'x-archive',
  'twitter-archive-ytd/milahu104_manifest.js': 'x-archive',
  'twitter-archive-ytd/mrled_tweet.js': 'x-archive',
  'mastodon-api/bigbone_context.json': 'mastodon-api',
  'mastodon-api/bigbone_public_timeline.json': 'mastodon-api',
  'mastodon-api/bigbone_status_after_deleting.json': 'mastodon-api',
  'mastodon-api/bigbone_status_edit_history.json': 'mastodon-api',
  'mastodon-api/bigbone_status_with_previewcard.json': 'mastodon-api',
  'mastodon-api/tootsdk_post_edited.json': 'mastodon-api',
  'bluesky-api/app.bsky.feed.getAuthorFeed.json': 'bluesky-api',
  'bluesky-api/app.bsky.feed.getPostThread.json': 'bluesky-api',
  'meta-graph-api/page_feed_p1.json': 'meta-graph',
  'meta-graph-api/object_comments_p1.json': 'meta-graph',
  'meta-graph-api/instagram_user_medias_p2.json': 'meta-graph',
  'youtube-data-api-v3/videos_list_multi.json': 'youtube-data-api',
  'youtube-data-api-v3/commentThreads_by_video_p1.json': 'youtube-data-api',
  'youtube-data-api-v3/comments_by_parent_p1.json': 'youtube-data-api',
  'linkedin-export-csv/Shares.csv': 'linkedin-export',
  'linkedin-export-csv/Comments.csv': 'linkedin-export',
  'warc/sfm_twitter_v1.1_user_timeline.warc.gz': 'warc',
  'warc/sfm_twitter_v2_search_recent.warc.gz': 'warc',
  'wacz/valid_signed_example_1.wacz': 'wacz',
};

describe('detectSource', () => {
  it('covers every real fixture file', async () => {
    const all = (await listInputFiles(FIXTURES)).filter((f) => !f.endsWith('SOURCES.md')).map((f) => relative(FIXTURES, f));
    expect(all.sort()).toEqual(Object.keys(FIXTURE_FORMATS).sort());
  });

  it.each(Object.entries(FIXTURE_FORMATS))('recognises %s as %s', async (name, format) => {
    expect((await detectSource(fixture(name))).format).toBe(format);
  });

  it('names the file and the keys it saw for unknown JSON', async () => {
    const file = await write('unknown.jsonl', '{"id": "1", "body": "iets", "owner": {}}\n');
    await expect(detectSource(file)).rejects.toThrow(
      `${file}: first line is JSON with keys id, body, owner, which matches no known format`,
    );
  });

  it('names a binary file as binary', async () => {
    const file = await write(
      'image.bin',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    );
    await expect(detectSource(file)).rejects.toThrow(
      `${file}: the file is binary (NUL bytes in the first 64 KiB; starts with 89 50 4e 47 0d 0a 1a 0a)`,
    );
  });

  it('says when a file is compressed', async () => {
    const file = await write('pages.jsonl.gz', gzipSync('{"data": []}\n'));
    await expect(detectSource(file)).rejects.toThrow(
      `${file}: the file is gzip-compressed (decompress it first)`,
    );
  });

  it('refuses an empty file and plain text, saying what it saw', async () => {
    await expect(detectSource(await write('empty.jsonl', ''))).rejects.toThrow(
      /empty.jsonl: the file is empty$/,
    );
    await expect(detectSource(await write('notes.txt', '\nhello world\n'))).rejects.toThrow(
      /notes.txt: first line is not JSON \(starts with "hello world"\), which matches no known format$/,
    );
  });
});

describe('listInputFiles', () => {
  it('walks a folder recursively in a stable order, skipping hidden entries', async () => {
    const root = join(dir, 'tree');
    await mkdir(join(root, 'b', 'deeper'), { recursive: true });
    await mkdir(join(root, '.git'), { recursive: true });
    await writeFile(join(root, 'b', 'deeper', 'z.jsonl'), '');
    await writeFile(join(root, 'b', 'a.jsonl'), '');
    await writeFile(join(root, 'a.jsonl'), '');
    await writeFile(join(root, 'B.jsonl'), '');
    await writeFile(join(root, '.DS_Store'), '');
    await writeFile(join(root, '.git', 'HEAD'), '');
    await symlink(join(root, 'a.jsonl'), join(root, 'c-link.jsonl'));
    await symlink(root, join(root, 'loop'));

    expect(await listInputFiles(root)).toEqual([
      join(root, 'B.jsonl'),
      join(root, 'a.jsonl'),
      join(root, 'b', 'a.jsonl'),
      join(root, 'b', 'deeper', 'z.jsonl'),
      join(root, 'c-link.jsonl'),
    ]);
  });

  it('returns a single file as it is', async () => {
    const file = await write('single.jsonl', '');
    expect(await listInputFiles(file)).toEqual([file]);
  });
});
