import type { NormalisedItem } from '@bewaard/schema';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Source, SourceRecord } from '../source.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Builders shared by the X archive tests. */

export const ARCHIVE_FIXTURES = sharedFixture('twitter-archive-ytd');

export async function readAll(source: Source, file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of source.read(file)) records.push(record);
  return records;
}

export const itemsOf = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
export const reasonsOf = (records: SourceRecord[]): string[] => records.flatMap((r) => (r.kind === 'quarantine' ? [r.reason] : []));

/** An archive tweet as X writes it: every number a string, no author. */
export function archiveTweet(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    edit_info: { initial: { editTweetIds: [id], editableUntil: '2023-01-02T04:04:05.000Z', editsRemaining: '5', isEditEligible: false } },
    retweeted: false,
    entities: { hashtags: [], symbols: [], user_mentions: [], urls: [] },
    id_str: id,
    id,
    created_at: 'Mon Jan 02 03:04:05 +0000 2023',
    full_text: `tweet ${id}`,
    lang: 'nl',
    ...extra,
  };
}

/** A data file: `window.YTD.<type>.part<N> = [ … ]`, pretty-printed like X does. */
export function dataFile(type: string, elements: unknown[], part = 0): string {
  return `window.YTD.${type}.part${part} = ${JSON.stringify(elements, null, 2)}`;
}

export const MANIFEST = `window.__THAR_CONFIG = ${JSON.stringify(
  {
    userInfo: { accountId: '1234567890', userName: 'MinBZK', displayName: 'Ministerie van BZK' },
    archiveInfo: { sizeBytes: '1000', generationDate: '2024-01-31T10:00:00.000Z', isPartialArchive: false },
    dataTypes: { tweets: { mediaDirectory: 'data/tweets_media', files: [{ fileName: 'data/tweets.js', globalName: 'YTD.tweets.part0', count: '1' }] } },
  },
  null,
  2,
)}`;

/** Writes files (path relative to root → content) and returns the root. */
export async function writeTree(root: string, files: Record<string, string | Buffer>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/**
 * Zips the folder `root` (entries relative to it) with the `zip` command, or Python's zipfile
 * module where zip is not installed.
 */
export function zipFolder(root: string, zipFile: string, entries: string[]): void {
  try {
    execFileSync('zip', ['-q', '-r', zipFile, ...entries], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    execFileSync('python3', ['-m', 'zipfile', '-c', zipFile, ...entries], { cwd: root, stdio: 'pipe' });
  }
}
