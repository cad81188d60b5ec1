import { prepareWithoutMediaStore, type PreparedItem } from '@bewaard/schema';
import { aPost } from '@bewaard/schema/testing';
import { describe, expect, it } from 'vitest';
import type { PipelineRecord } from './pipeline-record.js';
import { ChunkEncoder, decodeChunk } from './record-wire.js';

/** What the encoder is given for a record, and what the writer must get back. */
function add(encoder: ChunkEncoder, record: PipelineRecord, expected: PipelineRecord[]): void {
  if (record.kind === 'item' && !('version' in record.item)) {
    const prepared = prepareWithoutMediaStore(record.item);
    if (prepared && encoder.addItem(record.item, prepared.version, record.location)) {
      expected.push({ ...record, item: prepared });
      return;
    }
    if (prepared) record = { ...record, item: prepared };
  }
  encoder.addOther(record);
  expected.push(record);
}

/** A decoded version reads its text columns from the chunk's buffer; compared as plain values. */
const plain = (records: PipelineRecord[]) =>
  records.map((r) => {
    if (r.kind !== 'item' || !('version' in r.item)) return r;
    const v = r.item.version;
    const version = { text: v.text, language: v.language, contentHash: v.contentHash, contentJson: v.contentJson, rawJson: v.rawJson, media: v.media };
    return { ...r, item: { ...r.item, version } };
  });

describe('records between the reader worker and the writer', () => {
  it('arrive as they were sent, in order, whatever their kind', () => {
    const edited = aPost({ platformItemId: '2', url: null, edit: { platformVersionId: '3', editedAt: new Date('2024-03-02T00:00:00.123Z'), position: 1 } });
    edited.content.media = [{ originalUrl: 'https://example.org/a.png', mimeType: 'image/png', altText: null, bytes: null, missingReason: null }];
    edited.content.text = 'Dijk — 🌊 é\u2028 "quoted"';
    const withBytes = aPost({ platformItemId: '4' });
    withBytes.content.media = [{ originalUrl: null, mimeType: 'image/png', altText: null, bytes: new Uint8Array([1, 2]), missingReason: null }];
    const loneSurrogate = aPost({ platformItemId: '5', edit: { platformVersionId: null, editedAt: null, position: null } });
    loneSurrogate.content.text = 'cut off \ud83c';
    const records: PipelineRecord[] = [
      { kind: 'item', item: aPost(), location: { file: 'a.jsonl', line: 1, offset: 0 } },
      { kind: 'quarantine', reason: 'invalid JSON', excerpt: '{', location: { file: 'a.jsonl', line: 2, offset: 10 } },
      { kind: 'item', item: edited, location: { file: 'b.jsonl', line: null, offset: null } },
      { kind: 'deletion', notice: { platform: 'x', platformItemId: '9', detectedAt: new Date(0), method: 'x-compliance', platformDeletedAt: null }, location: { file: 'a.jsonl', line: 3, offset: 20 } },
      { kind: 'item', item: withBytes, location: { file: 'a.jsonl', line: 4, offset: 30 } },
      { kind: 'item', item: loneSurrogate, location: { file: 'a.jsonl', line: 5, offset: 40 } },
      { kind: 'item', item: aPost({ platformItemId: '6', quotedPlatformId: '7' }), location: { file: 'c.jsonl', line: 6, offset: 50 } },
    ];
    const encoder = new ChunkEncoder(2);
    const expected: PipelineRecord[] = [];
    for (const r of records) add(encoder, r, expected);
    // Through the structured clone a worker's message takes, the buffers transferred.
    const { chunk, transfer } = encoder.take();
    const decoded = decodeChunk(structuredClone(chunk, { transfer }));
    expect(plain(decoded)).toEqual(plain(expected));
    // Made well-formed when it was prepared (UTF-8 cannot carry a lone surrogate), then packed like any text.
    expect((decoded[5] as { item: PreparedItem }).item.version.text).toBe('cut off \ufffd');
    // The encoder starts over for the next chunk.
    add(encoder, records[0]!, []);
    expect(decodeChunk(encoder.take().chunk)).toHaveLength(1);
  });
});
