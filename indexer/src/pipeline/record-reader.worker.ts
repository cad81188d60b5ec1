import { parentPort, workerData } from 'node:worker_threads';
import { prepareWithoutMediaStore } from '@bewaard/schema';
import { SOURCES } from '../sources/index.js';
import type { PipelineRecord, ReaderMessage, ReaderWorkerData } from './pipeline-record.js';
import { encodeChunk } from './record-wire.js';

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

async function send(message: ReaderMessage): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port.postMessage(message);
}

async function run(): Promise<void> {
  const source = SOURCES.find((s) => s.format === format);
  if (!source) throw new Error(`unknown format "${format}"`);
  let chunk: PipelineRecord[] = [];
  for await (const record of source.read(file)) {
    chunk.push(record.kind === 'item' ? { ...record, item: prepareWithoutMediaStore(record.item) ?? record.item } : record);
    if (chunk.length >= chunkSize) {
      await send({ kind: 'records', chunk: encodeChunk(chunk), done: false });
      chunk = [];
    }
  }
  await send({ kind: 'records', chunk: encodeChunk(chunk), done: true });
}

run().catch((err: unknown) => {
  const error = err instanceof Error ? err : new Error(String(err));
  port.postMessage({ kind: 'failed', name: error.name, message: error.message } satisfies ReaderMessage);
});
