import type { PreparedItem } from '@bewaard/schema';
import type { SourceRecord } from '../sources/index.js';
import type { WireChunk } from './record-wire.js';

/** A source record on its way to the writer: items may arrive already prepared (hashed, encoded). */
export type PipelineRecord =
  | Exclude<SourceRecord, { kind: 'item' }>
  | (Omit<Extract<SourceRecord, { kind: 'item' }>, 'item'> & { item: Extract<SourceRecord, { kind: 'item' }>['item'] | PreparedItem });

export interface ReaderWorkerData {
  format: string;
  file: string;
  chunkSize: number;
}

/** Worker → importing thread. The importing thread answers each chunk with one more credit. */
export type ReaderMessage =
  | { kind: 'records'; chunk: WireChunk; done: boolean }
  | { kind: 'failed'; name: string; message: string };
