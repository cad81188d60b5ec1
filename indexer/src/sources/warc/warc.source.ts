import { createReadStream } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import type { Source } from '../source.js';
import { twarc2Source } from '../twarc2/twarc2.reader.js';
import { readWarcStream } from './warc-reader.js';

/**
 * A source recognised by its bytes. detectSource() refuses gzip, zip and other binary files before
 * it asks any source's detect(), so a `.warc.gz` or `.wacz` needs a hook asked first (see the
 * report of this source for the change to detect.ts and source.ts).
 */
export interface BinaryDetectingSource extends Source {
  /** true when the file's first bytes (up to 64 KiB, undecoded) are this format. */
  detectBinary(file: string, head: Buffer): boolean;
}

/** The candidate readers of HTTP bodies, asked for lazily so the registry can include this source. */
export type SourceList = () => readonly Source[];

/**
 * WARC files (`.warc`, `.warc.gz`, any name): web-archive captures, such as Social Feed Manager's
 * harvests of platform API responses. Each HTTP response body goes to the first source in
 * `sources()` that detects its format and can read in-memory content.
 */
export function createWarcSource(sources: SourceList): BinaryDetectingSource {
  return {
    format: 'warc',
    detect: (_file, head) => WARC_VERSION_LINE.test(head),
    detectBinary: (_file, head) => isWarcHead(head),
    read: (file) => readWarcStream(createReadStream(file), file, sources),
  };
}

/**
 * Built over the sources that can read API bodies today (X API v2 through twarc2). The import
 * pipeline should use createWarcSource(() => SOURCES) so every registered format is tried.
 */
export const warcSource: BinaryDetectingSource = createWarcSource(() => [twarc2Source]);

/** "WARC/1.0", "WARC/1.1", and the pre-standard "WARC/0.17" and "WARC/0.18". */
const WARC_VERSION_LINE = /^WARC\/\d+\.\d+\r?\n/;

/**
 * A WARC starts with its version line, in a .warc.gz inside the first gzip member. Only the first
 * 512 bytes are inflated: enough for the line, and at deflate's most (about 1:1032) well under the
 * output bound, so even a crafted file cannot make this costly.
 */
export function isWarcHead(head: Buffer): boolean {
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      const start = gunzipSync(head.subarray(0, 512), {
        finishFlush: constants.Z_SYNC_FLUSH,
        maxOutputLength: 1024 * 1024,
      });
      return WARC_VERSION_LINE.test(start.toString('latin1', 0, 32));
    } catch {
      return false;
    }
  }
  return WARC_VERSION_LINE.test(head.toString('latin1', 0, 32));
}
