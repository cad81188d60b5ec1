import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectSource, listInputFiles, UnknownFormatError } from './detect.js';

const REAL = '/work/shared/fixtures/real';

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

describe('detectSource', () => {
  it.each([
    'twitter-v2-twarc2/brexit.jsonl', // first line (356 KB) does not fit in the 64 KiB head
    'twitter-v2-twarc2/edited.jsonl',
    'twitter-v2-twarc2/streaming_output_with_error.jsonl',
    'twitter-v2-twarc2/tweets_compliance.jsonl', // starts with a blank line
    'twitter-v2-twarc2/two_tweets.jsonl',
    'twitter-v2-twarc2-flattened/flat.jsonl',
  ])('recognises %s as twarc2', async (name) => {
    expect((await detectSource(join(REAL, name))).format).toBe('twarc2');
  });

  it.each([
    'twitter-v1.1/dogsheep_tweets.json',
    'twitter-archive-ytd/twoo_tweets.js',
    'mastodon-api/bigbone_context.json',
    'linkedin-export-csv/Shares.csv',
  ])('does not claim %s', async (name) => {
    await expect(detectSource(join(REAL, name))).rejects.toBeInstanceOf(UnknownFormatError);
  });

  it('names the file and the keys it saw for unknown JSON', async () => {
    const file = await write('unknown.jsonl', '{"id": "1", "full_text": "v1.1", "user": {}}\n');
    await expect(detectSource(file)).rejects.toThrow(
      `${file}: first line is JSON with keys id, full_text, user, which matches no known format`,
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
