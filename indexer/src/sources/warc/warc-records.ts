import { WARCParser, type WARCRecord } from 'warcio';
import { gunzipLenient, MAX_BODY_BYTES } from './http-body-decoding.js';

/**
 * Walks the records of a WARC byte stream (plain or per-record gzip; warcio tells them apart by
 * content). Memory stays flat: a record's block is only held when asked for, and then at most
 * MAX_BODY_BYTES of it; everything else streams past.
 */

export interface WarcRecordHead {
  /** Byte offset of the record in the file: of its gzip member in a .warc.gz, as in a CDX index. */
  offset: number;
  type: string;
  targetUri: string | null;
  /** The WARC header's Content-Type (application/http;msgtype=response for HTTP responses). */
  contentType: string | null;
  header: (name: string) => string | null;
  /** The WARC headers as text, for quarantine excerpts. */
  headerText: string;
}

export type WarcEvent =
  | { kind: 'record'; head: WarcRecordHead; block: Buffer | null; blockBytes: number }
  | { kind: 'problem'; offset: number; reason: string; excerpt: string; head: WarcRecordHead | null };

/**
 * Yields every record, with its block for the types `wantsBlock` accepts. A damaged record ends the
 * walk with a `problem` (a WARC has no reliable way to find the next record after damage);
 * records before it are kept. `block` is null when the block is larger than MAX_BODY_BYTES.
 */
export async function* readWarcRecords(
  bytes: AsyncIterable<Uint8Array>,
  wantsBlock: (type: string) => boolean,
): AsyncGenerator<WarcEvent> {
  const input = new CountedInput(bytes);
  const parser = new WARCParser(input, { parseHttp: false });
  let lastOffset = 0;
  try {
    for (;;) {
      const record = await parser.parse();
      if (record === null) {
        // warcio ends quietly when the last gzip member is cut off; the bytes it left unread say so.
        if (input.total > parser.offset) yield cutOffMember(parser.offset, input);
        return;
      }
      const head = headOf(record, parser.offset);
      lastOffset = head.offset;
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        yield problem(
          head,
          `the bytes at offset ${head.offset} are not a WARC record (no "WARC/" version line); the rest of the file is not read`,
        );
        return;
      }
      const declared = Number(record.warcHeaders.headers.get('Content-Length') ?? NaN);
      if (!Number.isInteger(declared) || declared < 0) {
        yield problem(
          head,
          `the WARC record at offset ${head.offset} has no valid Content-Length (its headers are damaged or cut off), so where it ends is unknown; the rest of the file is not read`,
        );
        return;
      }
      const { block, blockBytes } = wantsBlock(head.type) ? await readBlock(record) : await skipBlock(record);
      if (blockBytes < declared) {
        yield problem(
          head,
          `the WARC record at offset ${head.offset} (${head.type}${head.targetUri ? ` ${head.targetUri}` : ''}) is cut off: ` +
            `Content-Length ${declared} but the file ends after ${blockBytes} bytes of it`,
        );
        return;
      }
      yield { kind: 'record', head, block, blockBytes };
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    yield {
      kind: 'problem',
      offset: lastOffset,
      reason: `the WARC file cannot be read after offset ${lastOffset} (${detail}); the rest of the file is not read`,
      excerpt: '',
      head: null,
    };
  }
}

function problem(head: WarcRecordHead, reason: string): WarcEvent {
  return { kind: 'problem', offset: head.offset, reason, excerpt: head.headerText, head };
}

function headOf(record: WARCRecord, offset: number): WarcRecordHead {
  const get = (name: string): string | null => record.warcHeaders.headers.get(name) ?? null;
  return {
    offset,
    type: get('WARC-Type') ?? '(no WARC-Type)',
    targetUri: record.warcTargetURI ?? null,
    contentType: get('Content-Type'),
    header: get,
    headerText: record.warcHeaders.toString(),
  };
}

/** The block's bytes up to MAX_BODY_BYTES, and how many there were in all. */
async function readBlock(record: WARCRecord): Promise<{ block: Buffer | null; blockBytes: number }> {
  const parts: Buffer[] = [];
  let blockBytes = 0;
  for await (const chunk of record.reader) {
    blockBytes += chunk.length;
    // Past the bound the chunks are only counted, so a huge video response costs no memory.
    if (blockBytes <= MAX_BODY_BYTES) parts.push(Buffer.from(chunk));
  }
  return { block: blockBytes <= MAX_BODY_BYTES ? Buffer.concat(parts) : null, blockBytes };
}

async function skipBlock(record: WARCRecord): Promise<{ block: null; blockBytes: number }> {
  let blockBytes = 0;
  for await (const chunk of record.reader) blockBytes += chunk.length;
  return { block: null, blockBytes };
}

/** Counts the bytes the parser takes, and keeps the last few for a cut-off member's excerpt. */
class CountedInput implements AsyncIterable<Uint8Array> {
  static readonly KEEP_BYTES = 1024 * 1024;
  total = 0;
  private recent: Buffer[] = [];
  private recentBytes = 0;

  constructor(private readonly source: AsyncIterable<Uint8Array>) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.source) {
      this.total += chunk.length;
      // A view, not a copy: read streams hand out a fresh buffer per chunk.
      this.recent.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      this.recentBytes += chunk.length;
      while (this.recentBytes - (this.recent[0]?.length ?? 0) >= CountedInput.KEEP_BYTES)
        this.recentBytes -= this.recent.shift()?.length ?? 0;
      yield chunk;
    }
  }

  /** The bytes from `offset` to the end, when they are still kept. */
  tailFrom(offset: number): Buffer | null {
    const start = offset - (this.total - this.recentBytes);
    return start < 0 ? null : Buffer.concat(this.recent).subarray(start);
  }
}

/** The gzip member at `offset` never ends: its record is cut off. Its start names the record. */
function cutOffMember(offset: number, input: CountedInput): WarcEvent {
  const tail = input.tailFrom(offset);
  const start = tail === null ? null : gunzipLenient(tail.subarray(0, 16 * 1024));
  const text = start === null ? '' : start.bytes.toString('latin1', 0, 4096);
  const headerText = text.split(/\r?\n\r?\n/)[0] ?? '';
  const field = (name: string): string | null =>
    new RegExp(`^${name}:[ \\t]*(.*?)\\s*$`, 'im').exec(headerText)?.[1] ?? null;
  const type = field('WARC-Type');
  const uri = field('WARC-Target-URI');
  const what = type === null ? '' : ` (${type}${uri === null ? '' : ` ${uri}`})`;
  const head: WarcRecordHead | null =
    type === null
      ? null
      : { offset, type, targetUri: uri, contentType: field('Content-Type'), header: field, headerText };
  return {
    kind: 'problem',
    offset,
    reason: `the WARC record at offset ${offset}${what} is cut off: the file ends inside its gzip member, ${input.total - offset} bytes after its start`,
    excerpt: headerText,
    head,
  };
}
