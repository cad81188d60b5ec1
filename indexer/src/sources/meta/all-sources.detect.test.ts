import { open, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkedinExportSource } from '../linkedin/linkedin.reader.js';
import type { Source } from '../source.js';
import { tiktokExportSource } from '../tiktok/tiktok.reader.js';
import { youtubeDataApiSource } from '../youtube/youtube.reader.js';
import { metaDyiSource } from './dyi.reader.js';
import { metaGraphSource } from './graph.reader.js';
import { FIXTURES } from '../../testing/fixtures.js';

/**
 * The five sources of meta/, youtube/, linkedin/ and tiktok/ against every real fixture: each file
 * is claimed by the one source made for it, and no X, Mastodon, Bluesky, WARC or WACZ file by any.
 * detect() sees what detectSource gives it: the first 64 KiB decoded as UTF-8.
 */

const REAL = FIXTURES;
const MINE: Source[] = [metaGraphSource, metaDyiSource, youtubeDataApiSource, linkedinExportSource, tiktokExportSource];

const EXPECTED: Record<string, string> = {
  'meta-graph-api/page_feed_p1.json': 'meta-graph',
  'meta-graph-api/object_comments_p1.json': 'meta-graph',
  'meta-graph-api/instagram_user_medias_p2.json': 'meta-graph',
  'youtube-data-api-v3/videos_list_multi.json': 'youtube-data-api',
  'youtube-data-api-v3/commentThreads_by_video_p1.json': 'youtube-data-api',
  'youtube-data-api-v3/comments_by_parent_p1.json': 'youtube-data-api',
  'linkedin-export-csv/Shares.csv': 'linkedin-export',
  'linkedin-export-csv/Comments.csv': 'linkedin-export',
};

async function head(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead), { stream: true });
  } finally {
    await handle.close();
  }
}

async function fixtures(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await fixtures(path)));
    else if (entry.name !== 'SOURCES.md') files.push(path);
  }
  return files.sort();
}

describe('detection across all real fixtures', () => {
  it('claims each fixture by exactly the expected source, and no other platform\'s file', async () => {
    const files = await fixtures(REAL);
    expect(files.length).toBe(36);
    const claims: Record<string, string[]> = {};
    for (const file of files) {
      const text = await head(file);
      claims[relative(REAL, file)] = MINE.filter((source) => source.detect(file, text)).map((source) => source.format);
    }
    for (const [name, formats] of Object.entries(claims)) {
      const expected = EXPECTED[name];
      expect({ name, formats }).toEqual({ name, formats: expected === undefined ? [] : [expected] });
    }
  });

  it('does not let the DYI or TikTok detectors claim each other\'s exports', () => {
    const dyi = '[{"timestamp": 1325790129, "data": [{"post": "x"}], "title": "t"}]';
    const tiktok = '{"Activity": {}, "Video": {"Videos": {"VideoList": []}}}';
    expect(MINE.filter((s) => s.detect('your_posts_1.json', dyi)).map((s) => s.format)).toEqual(['meta-dyi']);
    expect(MINE.filter((s) => s.detect('user_data.json', tiktok)).map((s) => s.format)).toEqual(['tiktok-export']);
  });
});
