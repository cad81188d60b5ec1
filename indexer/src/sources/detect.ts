import { open } from 'node:fs/promises';
import { describeKeys, isJsonObject } from './json.js';
import type { Source } from './source.js';
import { firstNonBlankLine } from './twarc2/twarc2.classify.js';
import { blueskyApiSource } from './bluesky/index.js';
import { mastodonApiSource, mastodonArchiveSource, mastodonArchiveZipSource } from './mastodon/index.js';
import { linkedinExportSource } from './linkedin/linkedin.reader.js';
import { metaDyiSource } from './meta/dyi.reader.js';
import { metaGraphSource } from './meta/graph.reader.js';
import { tiktokExportSource } from './tiktok/tiktok.reader.js';
import { twarc2Source } from './twarc2/twarc2.reader.js';
import { twitterV1Source } from './twitter-v1/twitter-v1.reader.js';
import { createWaczSource } from './warc/wacz.source.js';
import { createWarcSource } from './warc/warc.source.js';
import { xArchiveSource } from './x-archive/x-archive.reader.js';
import { xArchiveZipSource } from './x-archive/x-archive.zip-reader.js';
import { youtubeDataApiSource } from './youtube/youtube.reader.js';

export { listInputFiles } from './input-files.js';

/**
 * Every known format, tried in order; the first whose detect() (or detectBinary()) accepts the
 * file wins. WARC/WACZ route each captured response body back through this same list.
 */
export const SOURCES: readonly Source[] = [
  // Before twarc2, whose page check would also accept a Graph API `{"data": [...]}` page.
  metaGraphSource,
  twarc2Source,
  twitterV1Source,
  xArchiveSource,
  xArchiveZipSource,
  mastodonArchiveSource,
  mastodonArchiveZipSource,
  mastodonApiSource,
  blueskyApiSource,
  metaDyiSource,
  youtubeDataApiSource,
  linkedinExportSource,
  tiktokExportSource,
  createWarcSource(() => SOURCES),
  createWaczSource(() => SOURCES),
];

/** How much of a file detection looks at. */
export const HEAD_BYTES = 64 * 1024;

/** No source recognises the file; `seen` says what the file looked like. */
export class UnknownFormatError extends Error {
  override name = 'UnknownFormatError';
  constructor(
    readonly file: string,
    readonly seen: string,
  ) {
    super(`${file}: ${seen}`);
  }
}

export async function detectSource(file: string, sources: readonly Source[] = SOURCES): Promise<Source> {
  const head = await readHead(file);
  if (head.length === 0) throw new UnknownFormatError(file, 'the file is empty');
  const byBytes = sources.find((candidate) => candidate.detectBinary?.(file, head) === true);
  if (byBytes !== undefined) return byBytes;
  const binary = describeBinary(head);
  if (binary !== null) throw new UnknownFormatError(file, binary);

  // fatal: false with stream: true, so a multi-byte character cut at the 64 KiB edge is not an error.
  const text = new TextDecoder('utf-8').decode(head, { stream: true });
  const source = sources.find((candidate) => candidate.detect(file, text));
  if (source === undefined)
    throw new UnknownFormatError(file, `${describeText(text)}, which matches no known format`);
  return source;
}

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const MAGIC: Array<[number[], string]> = [
  [[0x1f, 0x8b], 'gzip-compressed (decompress it first)'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd-compressed (decompress it first)'],
  [[0x42, 0x5a, 0x68], 'bzip2-compressed (decompress it first)'],
];

/** Null for text; else what kind of binary it seems to be. */
function describeBinary(head: Buffer): string | null {
  for (const [magic, what] of MAGIC) {
    if (magic.every((byte, index) => head[index] === byte)) return `the file is ${what}`;
  }
  const firstBytes = [...head.subarray(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join(' ');
  if (head.includes(0))
    return `the file is binary (NUL bytes in the first ${HEAD_BYTES / 1024} KiB; starts with ${firstBytes})`;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return `the file is not UTF-8 text (starts with ${firstBytes})`;
  }
  return null;
}

function describeText(text: string): string {
  const first = firstNonBlankLine(text);
  if (first === null) return 'the file holds only blank lines';
  let parsed: unknown;
  try {
    parsed = JSON.parse(first.text);
  } catch {
    const start = JSON.stringify(first.text.slice(0, 80));
    return first.complete
      ? `first line is not JSON (starts with ${start})`
      : `first line is longer than ${HEAD_BYTES / 1024} KiB or cut off, and starts with ${start}`;
  }
  if (isJsonObject(parsed)) return `first line is JSON with keys ${describeKeys(parsed)}`;
  return `first line is a JSON ${Array.isArray(parsed) ? 'array' : typeof parsed}`;
}
