import { isWellFormed, type NormalisedItem, type PreparedItem, type PreparedVersion } from '@bewaard/schema';
import type { RecordLocation } from '../sources/index.js';
import type { PipelineRecord } from './pipeline-record.js';
import { WireVersion } from './wire-version.js';

/**
 * How records cross from the reader worker to the importing thread, a chunk at a time. Whatever
 * the importing thread keeps on its heap until the batch is written is copied by every young-generation
 * GC it survives, and a batch holds thousands of items: so each item's bulky text (text, content
 * and raw JSON, ~1.3 KB) travels as UTF-8 in a transferred buffer, outside both heaps, and becomes
 * a string only when its row is bound (WireVersion). The small fields travel as one flat list of
 * strings and one of numbers per chunk: the structured clone costs per object, not per value.
 * Anything else (quarantine, deletions, items that still need the media store) travels as it is.
 */
export interface WireChunk {
  files: string[];
  count: number;
  /** STRINGS entries per packed item. */
  strings: Array<string | null>;
  /** NUMBERS entries per packed item. */
  numbers: Float64Array<ArrayBufferLike>;
  /** The packed items' text, content JSON and raw JSON, one after the other, as UTF-8. */
  bytes: ArrayBuffer;
  media: Array<[item: number, media: PreparedVersion['media']]>;
  others: Array<[position: number, record: PipelineRecord]>;
}

const enum S {
  PLATFORM, ITEM_ID, KIND, AUTHOR, HANDLE, NAME, URL, CONVERSATION, REPLY_TO, QUOTED, REPOST_OF, EDIT_VERSION, LANGUAGE, HASH,
}
const STRINGS = 14;
const enum N {
  FILE, LINE, OFFSET, CREATED, EDITED, POSITION, FLAGS, TEXT_BYTES, CONTENT_BYTES, RAW_BYTES,
}
const NUMBERS = 10;
const enum Flag {
  LINE = 1, OFFSET = 2, EDIT = 4, EDITED_AT = 8, POSITION = 16,
}

const MIN_BYTES = 64 * 1024;
// The longest UTF-8 encoding of one UTF-16 code unit.
const MAX_BYTES_PER_UNIT = 3;

/** Collects one chunk on the worker; `take` hands it over with the buffers to transfer. */
export class ChunkEncoder {
  private files: string[] = [];
  private strings: Array<string | null> = [];
  private numbers = new Float64Array(0);
  private bytes = Buffer.allocUnsafeSlow(MIN_BYTES);
  private used = 0;
  private items = 0;
  private media: WireChunk['media'] = [];
  private others: WireChunk['others'] = [];
  count = 0;

  constructor(private readonly itemsPerChunk: number) {
    this.numbers = new Float64Array(itemsPerChunk * NUMBERS);
  }

  /**
   * Adds a prepared item; false when it cannot be packed (text with a lone surrogate, which
   * UTF-8 cannot carry) and must go with `addOther` instead.
   */
  addItem(item: NormalisedItem, version: PreparedVersion, location: RecordLocation): boolean {
    const { text, contentJson, rawJson } = version;
    if (!isWellFormed(text)) return false;
    const { author, edit } = item;
    this.strings.push(
      item.platform, item.platformItemId, item.kind, author.platformActorId, author.handle, author.displayName, item.url,
      item.conversationPlatformId, item.inReplyToPlatformId, item.quotedPlatformId, item.repostOfPlatformId,
      edit?.platformVersionId ?? null, version.language, version.contentHash,
    );
    if (this.numbers.length < (this.items + 1) * NUMBERS) this.numbers = grow(this.numbers, (this.items + 1) * NUMBERS);
    const n = this.numbers;
    const at = this.items * NUMBERS;
    let flags = 0;
    n[at + N.FILE] = this.fileIndex(location.file);
    if (location.line !== null) {
      flags |= Flag.LINE;
      n[at + N.LINE] = location.line;
    }
    if (location.offset !== null) {
      flags |= Flag.OFFSET;
      n[at + N.OFFSET] = location.offset;
    }
    n[at + N.CREATED] = item.createdAt.getTime();
    if (edit) {
      flags |= Flag.EDIT;
      if (edit.editedAt) {
        flags |= Flag.EDITED_AT;
        n[at + N.EDITED] = edit.editedAt.getTime();
      }
      if (edit.position !== null) {
        flags |= Flag.POSITION;
        n[at + N.POSITION] = edit.position;
      }
    }
    n[at + N.FLAGS] = flags;
    n[at + N.TEXT_BYTES] = this.write(text);
    n[at + N.CONTENT_BYTES] = this.write(contentJson);
    n[at + N.RAW_BYTES] = this.write(rawJson);
    if (version.media.length > 0) this.media.push([this.items, version.media]);
    this.items++;
    this.count++;
    return true;
  }

  addOther(record: PipelineRecord): void {
    this.others.push([this.count++, record]);
  }

  take(): { chunk: WireChunk; transfer: ArrayBuffer[] } {
    const chunk: WireChunk = {
      files: this.files,
      count: this.count,
      strings: this.strings,
      numbers: this.numbers.subarray(0, this.items * NUMBERS),
      bytes: this.bytes.buffer,
      media: this.media,
      others: this.others,
    };
    const transfer = [chunk.bytes, this.numbers.buffer];
    // The next chunk's buffer is sized after this one's, so it rarely grows and is transferred without much unused room.
    this.bytes = Buffer.allocUnsafeSlow(Math.max(MIN_BYTES, Math.ceil(this.used * 1.25)));
    this.numbers = new Float64Array(this.itemsPerChunk * NUMBERS);
    this.files = [];
    this.strings = [];
    this.media = [];
    this.others = [];
    this.used = 0;
    this.items = 0;
    this.count = 0;
    return { chunk, transfer };
  }

  private fileIndex(file: string): number {
    const at = this.files.indexOf(file);
    return at >= 0 ? at : this.files.push(file) - 1;
  }

  /** Appends `s` as UTF-8; returns its length in bytes. */
  private write(s: string): number {
    if (this.bytes.length - this.used < s.length * MAX_BYTES_PER_UNIT) {
      const larger = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.used + s.length * MAX_BYTES_PER_UNIT));
      this.bytes.copy(larger, 0, 0, this.used);
      this.bytes = larger;
    }
    const length = this.bytes.write(s, this.used, 'utf8');
    this.used += length;
    return length;
  }
}

function grow(numbers: Float64Array, atLeast: number): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(Math.max(atLeast, numbers.length * 2));
  larger.set(numbers);
  return larger;
}

export function decodeChunk(chunk: WireChunk): PipelineRecord[] {
  const { numbers: n, files, others, media } = chunk;
  // Entries are strings or null as the item had them; the list type cannot say which are never null.
  const s = chunk.strings as string[];
  const bytes = Buffer.from(chunk.bytes);
  const records = new Array<PipelineRecord>(chunk.count);
  let other = 0;
  let item = 0;
  let withMedia = 0;
  let offset = 0;
  for (let position = 0; position < chunk.count; position++) {
    if (other < others.length && others[other]![0] === position) {
      records[position] = others[other++]![1];
      continue;
    }
    const at = item * STRINGS;
    const nat = item * NUMBERS;
    const flags = n[nat + N.FLAGS]!;
    const textEnd = offset + n[nat + N.TEXT_BYTES]!;
    const contentEnd = textEnd + n[nat + N.CONTENT_BYTES]!;
    const rawEnd = contentEnd + n[nat + N.RAW_BYTES]!;
    const itemMedia = withMedia < media.length && media[withMedia]![0] === item ? media[withMedia++]![1] : [];
    const prepared: PreparedItem = {
      platform: s[at + S.PLATFORM] as PreparedItem['platform'],
      platformItemId: s[at + S.ITEM_ID]!,
      kind: s[at + S.KIND] as PreparedItem['kind'],
      author: { platformActorId: s[at + S.AUTHOR]!, handle: s[at + S.HANDLE]!, displayName: s[at + S.NAME]! },
      createdAt: new Date(n[nat + N.CREATED]!),
      url: s[at + S.URL]!,
      conversationPlatformId: s[at + S.CONVERSATION]!,
      inReplyToPlatformId: s[at + S.REPLY_TO]!,
      quotedPlatformId: s[at + S.QUOTED]!,
      repostOfPlatformId: s[at + S.REPOST_OF]!,
      edit:
        flags & Flag.EDIT
          ? {
              platformVersionId: s[at + S.EDIT_VERSION]!,
              editedAt: flags & Flag.EDITED_AT ? new Date(n[nat + N.EDITED]!) : null,
              position: flags & Flag.POSITION ? n[nat + N.POSITION]! : null,
            }
          : null,
      version: new WireVersion(bytes, offset, textEnd, contentEnd, rawEnd, s[at + S.LANGUAGE]!, s[at + S.HASH]!, itemMedia),
    };
    const location: RecordLocation = {
      file: files[n[nat + N.FILE]!]!,
      line: flags & Flag.LINE ? n[nat + N.LINE]! : null,
      offset: flags & Flag.OFFSET ? n[nat + N.OFFSET]! : null,
    };
    records[position] = { kind: 'item', item: prepared, location };
    offset = rawEnd;
    item++;
  }
  return records;
}
