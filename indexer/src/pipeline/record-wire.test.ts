import { prepareWithoutMediaStore } from '@bewaard/schema';
import { aPost } from '@bewaard/schema/testing';
import { describe, expect, it } from 'vitest';
import type { PipelineRecord } from './pipeline-record.js';
import { decodeChunk, encodeChunk } from './record-wire.js';

describe('records between the reader worker and the writer', () => {
  it('arrive as they were sent, in order, whatever their kind', () => {
    const edited = aPost({ platformItemId: '2', url: null, edit: { platformVersionId: '3', editedAt: new Date('2024-03-02T00:00:00.123Z'), position: 1 } });
    edited.content.media = [{ originalUrl: 'https://example.org/a.png', mimeType: 'image/png', altText: null, bytes: null, missingReason: null }];
    const withBytes = aPost({ platformItemId: '4' });
    withBytes.content.media = [{ originalUrl: null, mimeType: 'image/png', altText: null, bytes: new Uint8Array([1, 2]), missingReason: null }];
    const records: PipelineRecord[] = [
      { kind: 'item', item: prepareWithoutMediaStore(aPost())!, location: { file: 'a.jsonl', line: 1, offset: 0 } },
      { kind: 'quarantine', reason: 'invalid JSON', excerpt: '{', location: { file: 'a.jsonl', line: 2, offset: 10 } },
      { kind: 'item', item: prepareWithoutMediaStore(edited)!, location: { file: 'b.jsonl', line: null, offset: null } },
      { kind: 'deletion', notice: { platform: 'x', platformItemId: '9', detectedAt: new Date(0), method: 'x-compliance', platformDeletedAt: null }, location: { file: 'a.jsonl', line: 3, offset: 20 } },
      { kind: 'item', item: withBytes, location: { file: 'a.jsonl', line: 4, offset: 30 } },
    ];
    // Through the structured clone a worker's message takes.
    expect(decodeChunk(structuredClone(encodeChunk(records)))).toEqual(records);
  });
});
