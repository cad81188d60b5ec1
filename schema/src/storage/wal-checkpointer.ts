import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';

interface SqlitePragmas {
  pragma(source: string, options?: { simple: boolean }): unknown;
}

// While the worker runs, the writer checkpoints only as a backstop, when the WAL has grown past this (~400 MB).
const BACKSTOP_PAGES = 100_000;
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;
// Past this many frames (~256 MB) the writer starts the WAL over between two batches. Each restart
// blocks the writer ~150 ms (copying and syncing the last batches); at 1M items 128 MB meant ~40
// restarts, 6 s of a 50 s import, and the longer WAL cost no measurable CPU.
const RESTART_FRAMES = 65_536;
const INTERVAL_MS = 200;
// Shared with the worker: it is in a checkpoint; the writer wants none to start; the WAL's length
// in frames (shared memory, not messages: the writer thread may not return to its event loop for
// many batches).
const CHECKPOINTING = 0;
const PAUSED = 1;
const WAL_FRAMES = 2;

/*
 * Plain JavaScript run with `eval`, so it works the same from compiled code and from the test
 * runner's TypeScript. It opens its own connection, copies committed WAL frames into the database
 * file (PASSIVE: never waits for the writer) and notes how long the WAL is, until told to stop;
 * it starts no checkpoint while the writer runs its own (SQLite refuses a second one at once).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 15000 });
const flags = new Int32Array(workerData.flags);
let stopping = false;
parentPort.on('message', () => { stopping = true; });
function tick() {
  Atomics.store(flags, ${CHECKPOINTING}, 1);
  // Checked after announcing ours: either the writer sees this checkpoint and waits, or it is skipped.
  if (Atomics.load(flags, ${PAUSED}) === 0) {
    try {
      const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
      Atomics.store(flags, ${WAL_FRAMES}, log);
    } catch {
      // A failed checkpoint loses nothing (the WAL keeps the data); the writer's backstop still bounds the WAL.
    }
  }
  Atomics.store(flags, ${CHECKPOINTING}, 0);
  Atomics.notify(flags, ${CHECKPOINTING});
  if (stopping) { db.close(); parentPort.close(); return; }
  setTimeout(tick, workerData.intervalMs);
}
tick();
`;

export interface BackgroundCheckpoints {
  /** Call between two write transactions (none open): starts the WAL over when it has grown long. */
  betweenBatches(): void;
  /** Stops the worker after one last checkpoint and restores SQLite's own checkpoints. */
  stop(): Promise<void>;
}

const NONE: BackgroundCheckpoints = { betweenBatches: () => undefined, stop: () => Promise.resolve() };

/**
 * Moves SQLite's WAL checkpoints off the importing thread. A checkpoint writes every page the
 * import changed a second time, into the database file, and waits for fsync twice; done by the
 * committing connection (SQLite's default, every 1,000 pages) it cost a bulk import over a quarter of its
 * time. A worker thread with its own connection does it instead, every 200 ms, on the other core
 * and concurrently with the next batches; an index page that several batches changed is copied once.
 *
 * PASSIVE checkpoints alone never let the WAL start over while batches keep coming (there are
 * always frames the last one did not copy), and a WAL of hundreds of MB makes every page lookup
 * slower (measured at 600k items: a WAL stuck at ~400 MB cost the import a quarter more CPU). So
 * once it is long, the writer runs a RESTART checkpoint between two batches: by then only the last
 * batch or two are left to copy, and the next batch starts the WAL from its beginning. (Run from the worker, a
 * RESTART would wait for the writer's open read snapshot while the writer waited for it.)
 *
 * Durability is unchanged: a commit is in the WAL either way (synchronous=NORMAL still applies);
 * checkpoints only decide when the WAL is copied back. Does nothing for other drivers and in-memory
 * databases.
 */
export function startBackgroundCheckpoints(ds: DataSource, options: { restartFrames?: number } = {}): BackgroundCheckpoints {
  const restartFrames = options.restartFrames ?? RESTART_FRAMES;
  const file = ds.options.type === 'better-sqlite3' ? ds.options.database : undefined;
  if (!file || file === ':memory:') return NONE;
  const writer = (ds.driver as unknown as { databaseConnection: SqlitePragmas }).databaseConnection;
  writer.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const flags = new Int32Array(new SharedArrayBuffer(12));
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs: INTERVAL_MS, flags: flags.buffer } });
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  // Never what keeps a process alive; stopping waits for it again.
  worker.unref();
  return {
    betweenBatches() {
      if (Atomics.load(flags, WAL_FRAMES) < restartFrames) return;
      Atomics.store(flags, PAUSED, 1);
      try {
        // Waits for a checkpoint the worker is in (a fraction of a second) to end.
        while (Atomics.load(flags, CHECKPOINTING) === 1) Atomics.wait(flags, CHECKPOINTING, 1, 1000);
        writer.pragma('wal_checkpoint(RESTART)');
        Atomics.store(flags, WAL_FRAMES, 0);
      } finally {
        Atomics.store(flags, PAUSED, 0);
      }
    },
    async stop() {
      worker.ref();
      worker.postMessage('stop');
      await exited;
      writer.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    },
  };
}
