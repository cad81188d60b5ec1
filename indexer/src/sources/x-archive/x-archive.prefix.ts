/**
 * Every file of an X archive's `data/` folder is a JavaScript assignment so that the archive's
 * offline viewer can load it with a <script> tag: `window.YTD.<type>.part<N> = [ … ]` (tweets.js,
 * tweets-part1.js, deleted-tweets.js, …) or, for manifest.js, `window.__THAR_CONFIG = { … }`.
 * What follows the `=` is JSON.
 */

export type ArchivePrefix =
  | { kind: 'data'; dataType: string; part: number; bodyOffset: number; bodyLine: number }
  | { kind: 'manifest'; bodyOffset: number; bodyLine: number };

// Matched on a latin1 decoding of the bytes, so that one character is one byte and the match
// length is the body's byte offset; "\u00ef\u00bb\u00bf" is a UTF-8 byte order mark seen that way.
const PREFIX_BYTES = /^(?:\u00ef\u00bb\u00bf)?\s*window\.(?:YTD\.([A-Za-z0-9_]+)\.part(\d+)|__THAR_CONFIG)\s*=\s*/;
// The same on already decoded text (what detect() is given).
const PREFIX_TEXT = /^\uFEFF?\s*window\.(?:YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=/;

export const EXPECTED_PREFIX = '"window.YTD.<type>.part<N> = " or "window.__THAR_CONFIG = "';

/** How many bytes of a file are enough to read its prefix. */
export const PREFIX_HEAD_BYTES = 1024;

export function isArchivePrefixText(head: string): boolean {
  return PREFIX_TEXT.test(head);
}

export function parseArchivePrefix(head: Buffer): ArchivePrefix | null {
  const match = PREFIX_BYTES.exec(head.toString('latin1'));
  if (match === null) return null;
  const bodyOffset = match[0].length;
  const bodyLine = 1 + (match[0].match(/\n/g)?.length ?? 0);
  const [, dataType, part] = match;
  if (dataType === undefined) return { kind: 'manifest', bodyOffset, bodyLine };
  return { kind: 'data', dataType, part: Number(part), bodyOffset, bodyLine };
}

/** For the quarantine message of a file that is not an archive file: what it starts with. */
export function describeStart(head: Buffer): string {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 200)).trimStart();
  return JSON.stringify(text.slice(0, 60));
}
