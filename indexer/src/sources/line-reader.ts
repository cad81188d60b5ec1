import { createReadStream } from 'node:fs';

/**
 * Streaming line reader over raw bytes. Memory stays flat on multi-GB files: only the current
 * line is held, and a line longer than `maxLineBytes` is dropped as soon as it crosses that bound
 * (only its first 4 KiB are kept, for the quarantine excerpt). Byte offsets are counted on the undecoded bytes so they can
 * be used to seek back into the file.
 */

export interface TextLine {
  /** The line's text without its line terminator (`\n` or `\r\n`); a UTF-8 BOM on line 1 is dropped. */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the first byte of the line in the file. */
  offset: number;
  /** Length of the line in bytes, without the terminator. */
  byteLength: number;
  /** false for a last line that ends at end-of-file without `\n`: often a cut-off write. */
  endsWithNewline: boolean;
  /** The line exceeded `maxLineBytes`; `text` then holds only its first bytes. */
  overLong: boolean;
  /** The bytes are not valid UTF-8; `text` holds a lossy decoding (U+FFFD for bad bytes). */
  invalidUtf8: boolean;
}

export interface ReadLinesOptions {
  /** Read buffer size; small values are only useful in tests of chunk boundaries. */
  chunkSize?: number;
  /** Lines longer than this are reported as overLong instead of being assembled. */
  maxLineBytes?: number;
}

/** twarc2 pages of 100 tweets with full expansions are well under 1 MiB; 256 MiB is a sanity bound. */
export const DEFAULT_MAX_LINE_BYTES = 256 * 1024 * 1024;
const OVERLONG_EXCERPT_BYTES = 4096;
const LF = 0x0a;
const CR = 0x0d;

export async function* readLines(file: string, options: ReadLinesOptions = {}): AsyncGenerator<TextLine> {
  const pending = new PendingLine(options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
  const stream = createReadStream(file, { highWaterMark: options.chunkSize ?? 1024 * 1024 });
  let lineNumber = 0;
  let lineOffset = 0;

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let newline = chunk.indexOf(LF, from); newline !== -1; newline = chunk.indexOf(LF, from)) {
      lineNumber += 1;
      const { line, terminatedBytes } = pending.finish(
        chunk.subarray(from, newline),
        lineNumber,
        lineOffset,
        true,
      );
      lineOffset += terminatedBytes + 1;
      yield line;
      from = newline + 1;
    }
    pending.append(chunk.subarray(from));
  }

  if (!pending.isEmpty()) {
    lineNumber += 1;
    yield pending.finish(Buffer.alloc(0), lineNumber, lineOffset, false).line;
  }
}

/** Holds the start of a line that continues in the next chunk. */
class PendingLine {
  private parts: Buffer[] = [];
  private byteCount = 0;
  private overLong = false;

  constructor(private readonly maxLineBytes: number) {}

  isEmpty(): boolean {
    return this.byteCount === 0;
  }

  append(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.byteCount += bytes.length;
    if (this.overLong) return;
    if (this.byteCount > this.maxLineBytes) {
      // Keep only the start for the excerpt; the rest is counted (for offsets) but never held.
      this.overLong = true;
      this.parts = [Buffer.concat([...this.parts, bytes], Math.min(this.byteCount, OVERLONG_EXCERPT_BYTES))];
      return;
    }
    // Copy: the stream's chunk must not stay pinned in memory by a slice of it.
    this.parts.push(Buffer.from(bytes));
  }

  /**
   * Completes the line with its last piece (a slice of the current chunk, not copied when the
   * whole line sits in one chunk, which is the common case). terminatedBytes counts the line's
   * bytes including a `\r` before the `\n`, for the next line's offset.
   */
  finish(
    lastPiece: Buffer,
    line: number,
    offset: number,
    endsWithNewline: boolean,
  ): { line: TextLine; terminatedBytes: number } {
    let bytes: Buffer;
    if (this.byteCount === 0 && lastPiece.length <= this.maxLineBytes) {
      bytes = lastPiece;
      this.byteCount = lastPiece.length;
    } else {
      this.append(lastPiece);
      bytes = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
    }
    const terminatedBytes = this.byteCount;
    let byteLength = this.byteCount;
    if (!this.overLong && bytes.length > 0 && bytes[bytes.length - 1] === CR) {
      bytes = bytes.subarray(0, bytes.length - 1);
      byteLength -= 1;
    }
    const { text, invalidUtf8 } = decodeUtf8(line === 1 ? withoutBom(bytes) : bytes);
    const result: TextLine = {
      text,
      line,
      offset,
      byteLength,
      endsWithNewline,
      overLong: this.overLong,
      invalidUtf8,
    };
    this.parts = [];
    this.byteCount = 0;
    this.overLong = false;
    return { line: result, terminatedBytes };
  }
}

// ignoreBOM: true keeps a U+FEFF inside the data; only a BOM at the very start of the file is dropped.
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function withoutBom(bytes: Buffer): Buffer {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    ? bytes.subarray(3)
    : bytes;
}

function decodeUtf8(bytes: Buffer): { text: string; invalidUtf8: boolean } {
  try {
    return { text: strictDecoder.decode(bytes), invalidUtf8: false };
  } catch {
    return { text: lossyDecoder.decode(bytes), invalidUtf8: true };
  }
}
