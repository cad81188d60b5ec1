/**
 * Splits a JSON document into its top-level values, and a top-level array into its elements,
 * without parsing them. Used for pretty-printed exports (X archive `tweets.js`, a JSON array of
 * v1.1 tweets) so that one broken element is quarantined with its own line and byte offset while
 * the elements around it are still read, and so that a multi-GB file never sits in memory as one
 * string: only the element being read is held.
 *
 * It works on bytes: the bytes that matter (`"`, `\`, brackets, `,`, newline) are ASCII and never
 * occur inside a multi-byte UTF-8 sequence, and offsets then come out in bytes for free.
 *
 * Limitation: an element whose brackets do not balance (a `}` missing) runs on to the end of the
 * input and is reported as cut off, taking the elements after it into the same quarantine record.
 */

export interface ScannedValue {
  kind: 'value';
  bytes: Buffer;
  /** 1-based line and byte offset of the value's first byte. */
  line: number;
  offset: number;
  /** Which top-level value this is (0-based); a document normally has one. */
  topLevel: number;
  /** The element's index when the top-level value is an array, else null. */
  index: number | null;
}

export interface ScanProblem {
  kind: 'problem';
  reason: string;
  line: number;
  offset: number;
  excerpt: Buffer;
}

export type ScanEvent = ScannedValue | ScanProblem;

export interface ScanOptions {
  /** Byte offset and line of the first byte given (after a prefix the caller has consumed). */
  startOffset?: number;
  startLine?: number;
  /** A value longer than this is reported as a problem instead of being assembled. */
  maxValueBytes?: number;
}

export const DEFAULT_MAX_VALUE_BYTES = 256 * 1024 * 1024;
const EXCERPT_BYTES = 4096;

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const isBlank = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0d || b === LF;
/** The bytes of a UTF-8 byte order mark; skipped at the very start only. */
const isBomByte = (b: number): boolean => b === 0xef || b === 0xbb || b === 0xbf;

export async function* scanJsonValues(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: ScanOptions = {},
): AsyncGenerator<ScanEvent> {
  const scanner = new JsonValueScanner(options);
  for await (const chunk of chunks) yield* scanner.push(chunk);
  yield* scanner.end();
}

type State = 'top' | 'array' | 'value';

class JsonValueScanner {
  private state: State = 'top';
  private line: number;
  /** Offset of the first byte of the chunk being pushed. */
  private chunkOffset: number;
  private readonly firstOffset: number;
  private readonly maxValueBytes: number;
  private topLevel = 0;
  private index: number | null = null;

  // The value being read.
  private valueLine = 0;
  private valueOffset = 0;
  private container = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private overLong = false;
  private endedBy: 'include' | 'exclude' = 'include';

  constructor(options: ScanOptions) {
    this.line = options.startLine ?? 1;
    this.chunkOffset = options.startOffset ?? 0;
    this.firstOffset = this.chunkOffset;
    this.maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
  }

  push(chunk: Buffer): ScanEvent[] {
    const events: ScanEvent[] = [];
    let valueStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      if (this.state === 'value') {
        const end = this.runValue(chunk, i);
        if (end === -1) break;
        const include = this.endedBy === 'include';
        this.collect(chunk.subarray(valueStart, include ? end + 1 : end));
        events.push(this.finishValue());
        i = end;
        // An included byte is a closing bracket; an excluded one (`,` `]` or a blank after a
        // bare scalar) belongs to the surrounding structure and is looked at again below.
        if (include) continue;
      }
      const b = chunk[i] as number;
      if (b === LF) this.line += 1;
      if (this.state === 'top') {
        if (isBlank(b) || b === SEMICOLON) continue;
        if (isBomByte(b) && this.chunkOffset + i - this.firstOffset < 3) continue;
        if (b === OPEN_BRACKET) {
          this.state = 'array';
          this.index = 0;
          continue;
        }
      } else if (this.state === 'array') {
        if (isBlank(b) || b === COMMA) continue;
        if (b === CLOSE_BRACKET) {
          this.state = 'top';
          this.index = null;
          this.topLevel += 1;
          continue;
        }
      }
      this.beginValue(b, this.chunkOffset + i);
      valueStart = i;
      i -= 1; // the value's first byte is read again, by runValue
    }
    if (this.state === 'value') this.collect(chunk.subarray(valueStart));
    this.chunkOffset += chunk.length;
    return events;
  }

  end(): ScanEvent[] {
    const at = { line: this.line, offset: this.chunkOffset };
    if (this.state === 'value') {
      const what = this.index === null ? 'a value' : `element ${this.index}`;
      return [
        {
          kind: 'problem',
          reason: `the input ends inside ${what} (started on line ${this.valueLine}): the file was probably cut off, or a bracket is missing`,
          line: this.valueLine,
          offset: this.valueOffset,
          excerpt: this.excerpt(),
        },
      ];
    }
    if (this.state === 'array') {
      return [
        {
          kind: 'problem',
          reason: `the input ends before the array is closed (no final "]") after ${this.index ?? 0} elements: the file was probably cut off`,
          ...at,
          excerpt: Buffer.alloc(0),
        },
      ];
    }
    return [];
  }

  private beginValue(b: number, offset: number): void {
    this.state = 'value';
    this.valueLine = this.line;
    this.valueOffset = offset;
    this.container = b === OPEN_BRACE || b === OPEN_BRACKET;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.parts = [];
    this.partBytes = 0;
    this.overLong = false;
  }

  /**
   * Reads on through the current value from byte `from`: returns the index of the byte that ends
   * it (a closing bracket, included; or the `,` `]` or blank after a bare scalar, excluded: see
   * endedBy), or -1 when the chunk ends first. The hot loop of the scanner, so it works on locals.
   */
  private runValue(chunk: Buffer, from: number): number {
    let { inString, escaped, depth, line } = this;
    const container = this.container;
    const inArray = this.index !== null;
    let end = -1;
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (!inString && !container && (inArray ? b === COMMA || b === CLOSE_BRACKET : isBlank(b) || b === SEMICOLON)) {
        end = i;
        this.endedBy = 'exclude';
        break;
      }
      if (b === LF) line += 1;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) {
        inString = true;
      } else if (container) {
        if (b === OPEN_BRACE || b === OPEN_BRACKET) depth += 1;
        else if ((b === CLOSE_BRACE || b === CLOSE_BRACKET) && --depth === 0) {
          end = i;
          this.endedBy = 'include';
          break;
        }
      }
    }
    this.inString = inString;
    this.escaped = escaped;
    this.depth = depth;
    this.line = line;
    return end;
  }

  private collect(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.partBytes += bytes.length;
    if (this.overLong) return;
    if (this.partBytes > this.maxValueBytes) {
      // Keep only the start, for the excerpt; the rest is counted but never held.
      this.overLong = true;
      this.parts = [Buffer.concat([...this.parts, bytes]).subarray(0, EXCERPT_BYTES)];
      return;
    }
    // Copy: a slice would keep the whole read chunk alive.
    this.parts.push(Buffer.from(bytes));
  }

  private excerpt(): Buffer {
    return Buffer.concat(this.parts).subarray(0, EXCERPT_BYTES);
  }

  private finishValue(): ScanEvent {
    const position = { line: this.valueLine, offset: this.valueOffset };
    const index = this.index;
    if (index === null) {
      this.state = 'top';
      this.topLevel += 1;
    } else {
      this.state = 'array';
      this.index = index + 1;
    }
    if (this.overLong) {
      const what = index === null ? 'a value' : `element ${index}`;
      return {
        kind: 'problem',
        reason: `${what} is ${this.partBytes} bytes long, more than the ${this.maxValueBytes} bytes one record can be; not read`,
        ...position,
        excerpt: this.excerpt(),
      };
    }
    const bytes = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts);
    return { kind: 'value', bytes, ...position, topLevel: this.topLevel - (index === null ? 1 : 0), index };
  }
}
