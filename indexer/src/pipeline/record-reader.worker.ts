import { parentPort, workerData } from 'node:worker_threads';
import { prepareVersionWithoutMediaStore, prepareWithoutMediaStore } from '@bewaard/schema';
import { SOURCES } from '../sources/index.js';
import type { ReaderMessage, ReaderWorkerData } from './pipeline-record.js';
import { ChunkEncoder } from './record-wire.js';

/**
 * Worker thread of a large import: reads and normalises one file with its source, hashes and
 * encodes each item's content, and hands the records over in chunks — while the importing thread
 * writes the previous ones. Runs ahead only as far as its credit (chunks granted by the importing
 * thread) allows, so memory stays bounded whatever the file's size.
 */
const port = parentPort!;
const { format, file, chunkSize } = workerData as ReaderWorkerData;
let credit = 0;
let wake: (() => void) | null = null;
port.on('message', (granted: number) => {
  credit += granted;
  wake?.();
  wake = null;
});

async function send(encoder: ChunkEncoder, done: boolean): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  const { chunk, transfer } = encoder.take();
  port.postMessage({ kind: 'records', chunk, done } satisfies ReaderMessage, transfer);
}

async function run(): Promise<void> {
  const source = SOURCES.find((s) => s.format === format);
  if (!source) throw new Error(`unknown format "${format}"`);
  const encoder = new ChunkEncoder(chunkSize);
  for await (const record of source.read(file)) {
    // Packed as soon as it is prepared: nothing of the item outlives this turn on the worker's heap.
    const version = record.kind === 'item' ? prepareVersionWithoutMediaStore(record.item) : null;
    if (record.kind !== 'item' || !version) encoder.addOther(record);
    else if (!encoder.addItem(record.item, version, record.location)) encoder.addOther({ ...record, item: prepareWithoutMediaStore(record.item)! });
    if (encoder.count >= chunkSize) await send(encoder, false);
  }
  await send(encoder, true);
}

run().catch((err: unknown) => {
  const error = err instanceof Error ? err : new Error(String(err));
  port.postMessage({ kind: 'failed', name: error.name, message: error.message } satisfies ReaderMessage);
});
