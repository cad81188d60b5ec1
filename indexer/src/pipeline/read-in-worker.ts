import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Source } from '../sources/index.js';
import type { PipelineRecord, ReaderMessage, ReaderWorkerData } from './pipeline-record.js';
import { decodeChunk } from './record-wire.js';

// Below this a worker's start-up (loading the sources and the schema, ~0.1 s) costs more than it saves.
const WORKER_MIN_BYTES = 4 * 1024 * 1024;
const CHUNK_RECORDS = 500;
// Chunks the worker may read ahead of the writer: more than a write batch, so the next batch is read while one is written.
const CHUNKS_AHEAD = 8;

const workerScript = new URL('./record-reader.worker.js', import.meta.url);

/**
 * The records of one file, read on a worker thread when the file is large enough for that to pay
 * (reading, normalising and hashing then run on the other core while this thread writes), else
 * here. Both give the same records; only where the items' content is hashed differs. The worker
 * exists only in compiled form: from TypeScript sources (tests) files are read here.
 *
 * Records come in runs (a worker's chunk; one record at a time when read here): an async
 * iteration step per record cost the writing thread more than decoding the record.
 */
export async function readRecordRuns(source: Source, file: string): Promise<AsyncIterable<readonly PipelineRecord[]>> {
  const compiled = import.meta.url.endsWith('.js');
  if (!compiled || (await stat(file).then((s) => s.size, () => 0)) < WORKER_MIN_BYTES) return oneByOne(source.read(file));
  return readInWorker(source.format, file);
}

// Not grouped: a source that fails part-way must leave the same batches written as before.
async function* oneByOne(records: AsyncIterable<PipelineRecord>): AsyncGenerator<readonly PipelineRecord[]> {
  for await (const record of records) yield [record];
}

class ReaderFailure extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

async function* readInWorker(format: string, file: string): AsyncGenerator<readonly PipelineRecord[]> {
  const workerData: ReaderWorkerData = { format, file, chunkSize: CHUNK_RECORDS };
  const worker = new Worker(workerScript, { workerData });
  const inbox: ReaderMessage[] = [];
  let failure = null as Error | null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ReaderMessage) => {
    inbox.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the reader worker stopped (exit code ${code}) before the end of ${file}`);
    notify();
  });
  try {
    worker.postMessage(CHUNKS_AHEAD);
    for (;;) {
      const message = inbox.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.kind === 'failed') throw new ReaderFailure(message.name, message.message);
      worker.postMessage(1);
      yield decodeChunk(message.chunk);
      if (message.done) return;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
