import { brotliDecompressSync, constants, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/**
 * Turns the stored bytes of an HTTP body back into the bytes the server meant to send, then into
 * text. WARC writers disagree on what they store: some keep the chunked transfer framing, some
 * remove it but keep the `Transfer-Encoding: chunked` header, some decompress the body but keep
 * `Content-Encoding: gzip`. So the headers are only hints: every step looks at the bytes themselves
 * and falls back to the bytes as stored, saying so in `notes` (which end up in quarantine reasons).
 */

/** Largest body (stored or decompressed) read into memory; API pages are far smaller. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** Thrown when decompression would exceed MAX_BODY_BYTES (a huge file or a compression bomb). */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

export interface DecodedBytes {
  bytes: Buffer;
  /** What was undone or found odd, in words, e.g. "decoded from gzip (no Content-Encoding header says so)". */
  notes: string[];
}

export function undoTransferEncoding(body: Buffer, transferEncoding: string | null): DecodedBytes {
  const declared = /\bchunked\b/i.test(transferEncoding ?? '');
  const dechunked = dechunk(body);
  if (dechunked?.complete === true)
    return {
      bytes: dechunked.body,
      notes: declared ? [] : ['chunked framing without a Transfer-Encoding header'],
    };
  if (dechunked !== null && declared)
    return { bytes: dechunked.body, notes: ['chunked body ends before its last (zero-size) chunk'] };
  return {
    bytes: body,
    notes: declared ? ['Transfer-Encoding says chunked but the body is not chunked; read as stored'] : [],
  };
}

const CHUNK_SIZE_LINE = /^([0-9a-fA-F]{1,15})[ \t]*(?:;[^\r\n]*)?\r?$/;

/**
 * Removes chunked framing. Null when the bytes do not start with a valid chunk; `complete` is
 * false when the framing runs until the end of the bytes without the final zero-size chunk.
 */
export function dechunk(bytes: Buffer): { body: Buffer; complete: boolean } | null {
  const parts: Buffer[] = [];
  let position = 0;
  for (;;) {
    const lineEnd = bytes.indexOf(0x0a, position);
    // The bytes end inside a size line: framing cut off after whole chunks.
    if (lineEnd === -1)
      return parts.length > 0 && bytes.length - position <= 64
        ? { body: Buffer.concat(parts), complete: false }
        : null;
    // A size line is short; a long "line" means this is not chunked framing at all.
    if (lineEnd - position > 1024) return null;
    const match = CHUNK_SIZE_LINE.exec(bytes.toString('latin1', position, lineEnd));
    // Garbage after valid chunks as well: the bytes only looked chunked.
    if (match === null) return null;
    const size = parseInt(match[1] ?? '', 16);
    const dataStart = lineEnd + 1;
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    if (dataStart + size > bytes.length) {
      parts.push(bytes.subarray(dataStart));
      return { body: Buffer.concat(parts), complete: false };
    }
    parts.push(bytes.subarray(dataStart, dataStart + size));
    position = dataStart + size;
    if (bytes[position] === 0x0d) position += 1;
    if (position >= bytes.length) return { body: Buffer.concat(parts), complete: false };
    if (bytes[position] !== 0x0a) return null;
    position += 1;
  }
}

/**
 * Undoes Content-Encoding. gzip is recognised by its magic bytes whatever the header says; zlib
 * deflate by its header check; raw deflate and brotli have no signature, so they are only tried
 * when declared. Layers are peeled up to three times (some servers gzip twice).
 */
export function undoContentEncoding(body: Buffer, contentEncoding: string | null): DecodedBytes {
  const declared = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().replace(/^x-/, ''))
    .filter((part) => part !== '' && part !== 'identity');
  const notes: string[] = [];
  let bytes = body;
  for (let layer = 0; layer < 3; layer += 1) {
    const decoded = decodeOneLayer(bytes, declared, layer === 0);
    if (decoded === null) break;
    bytes = decoded.bytes;
    notes.push(...decoded.notes);
  }
  const undone = notes.length;
  if (declared.length > 0 && undone === 0)
    notes.push(`Content-Encoding says ${declared.join(', ')} but the body is not so encoded; read as stored`);
  return { bytes, notes };
}

function decodeOneLayer(bytes: Buffer, declared: string[], firstLayer: boolean): DecodedBytes | null {
  const says = (name: string): boolean => declared.includes(name);
  const unannounced = (name: string): string =>
    says(name) ? `decoded from ${name}` : `decoded from ${name} (no Content-Encoding header says so)`;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const result = gunzipLenient(bytes);
    if (result !== null) return { bytes: result.bytes, notes: [unannounced('gzip'), ...result.notes] };
  }
  if (looksLikeZlib(bytes)) {
    const inflated = attempt(() => inflateSync(bytes, limits));
    if (inflated !== null) return { bytes: inflated, notes: [unannounced('deflate')] };
  }
  if (!firstLayer) return null;
  if (says('deflate')) {
    const inflated = attempt(() => inflateRawSync(bytes, limits));
    if (inflated !== null) return { bytes: inflated, notes: ['decoded from raw deflate (no zlib header)'] };
  }
  if (says('br')) {
    const decoded = attempt(() => brotliDecompressSync(bytes, { maxOutputLength: MAX_BODY_BYTES }));
    if (decoded !== null) return { bytes: decoded, notes: ['decoded from br'] };
  }
  return null;
}

const limits = { maxOutputLength: MAX_BODY_BYTES };

/**
 * gunzip that survives a cut-off stream or stray bytes after it (Node's gunzip rejects both): the
 * deflate data after the gzip header is inflated on its own, which stops at the stream's end and
 * keeps what a cut-off stream holds.
 */
export function gunzipLenient(bytes: Buffer): DecodedBytes | null {
  const whole = attempt(() => gunzipSync(bytes, limits));
  if (whole !== null) return { bytes: whole, notes: [] };
  const headerLength = gzipHeaderLength(bytes);
  if (headerLength === null) return null;
  const deflated = bytes.subarray(headerLength);
  const rest = attempt(() => inflateRawSync(deflated, { ...limits, finishFlush: constants.Z_SYNC_FLUSH }));
  if (rest === null || rest.length === 0) return null;
  return {
    bytes: rest,
    notes: ['the gzip stream is damaged (cut off or followed by stray bytes); what it holds was read'],
  };
}

/** Length of a gzip member header (RFC 1952 §2.3), or null when it is malformed. */
function gzipHeaderLength(bytes: Buffer): number | null {
  const flags = bytes[3];
  if (bytes[2] !== 8 || flags === undefined || bytes.length < 10) return null;
  let position = 10;
  if (flags & 0x04) position += 2 + (bytes.readUInt16LE(position) || 0);
  for (const flag of [0x08, 0x10]) {
    if (!(flags & flag)) continue;
    const end = bytes.indexOf(0, position);
    if (end === -1) return null;
    position = end + 1;
  }
  if (flags & 0x02) position += 2;
  return position <= bytes.length ? position : null;
}

/** RFC 1950 header: method 8 and a header checksum divisible by 31. */
function looksLikeZlib(bytes: Buffer): boolean {
  const [cmf, flg] = [bytes[0], bytes[1]];
  return (
    cmf !== undefined &&
    flg !== undefined &&
    (cmf & 0x0f) === 8 &&
    cmf >> 4 <= 7 &&
    ((cmf << 8) | flg) % 31 === 0
  );
}

/** Runs a decompressor; null when the bytes are not what it expects. Too large is not "not so". */
function attempt(decompress: () => Buffer): Buffer | null {
  try {
    return decompress();
  } catch (error) {
    if (error instanceof RangeError)
      throw new BodyTooLargeError(`decompressed, the body exceeds ${MAX_BODY_BYTES / 1024 / 1024} MiB`);
    return null;
  }
}

export interface DecodedText {
  text: string;
  /** The encoding used (WHATWG name), or null when the bytes are not valid text in it. */
  charset: string | null;
  notes: string[];
}

/**
 * Text of a body: a byte order mark wins, then the Content-Type charset, then UTF-8 (JSON's
 * encoding). Invalid bytes are not replaced silently: charset is then null and text lossy.
 */
export function decodeBodyText(bytes: Buffer, contentType: string | null): DecodedText {
  const notes: string[] = [];
  let label = bomEncoding(bytes) ?? charsetOf(contentType) ?? 'utf-8';
  if (!isKnownEncoding(label)) {
    notes.push(`unknown charset "${label}", read as UTF-8`);
    label = 'utf-8';
  }
  const decoder = new TextDecoder(label, { fatal: true });
  try {
    return { text: decoder.decode(bytes), charset: decoder.encoding, notes };
  } catch {
    return { text: new TextDecoder(label).decode(bytes), charset: null, notes };
  }
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function bomEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return null;
}

function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}
