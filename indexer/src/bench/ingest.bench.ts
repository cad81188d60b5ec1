import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ItemVersionEntity, createTemporaryMariaDb, parseConfig, withInnodbBufferPool, type Config } from '@bewaard/schema';
import { openArchive } from '../pipeline/archive-context.js';
import { importPath } from '../pipeline/import-files.js';
import { rawSqliteInsertRate } from './raw-insert.js';
import { writeTwarc2File } from './twarc2-generator.js';

export interface IngestFigure {
  engine: string;
  items: number;
  seconds: number;
  itemsPerSecond: number;
  peakRssMb: number;
}

function trackPeakRss() {
  let peak = process.memoryUsage().rss;
  const t = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return () => {
    clearInterval(t);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
  };
}

async function timeImport(cfg: Config, file: string, label: string): Promise<IngestFigure> {
  const ctx = await openArchive(cfg);
  try {
    const org = await ctx.registry.ensureOrganisation('bench', 'Benchmark (fictief)');
    const stop = trackPeakRss();
    const t0 = process.hrtime.bigint();
    const summary = await importPath(ctx, file, { organisationId: org.id, batchSize: Number(process.env.BENCH_BATCH ?? 2000) });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const peakRssMb = stop();
    return { engine: label, items: summary.newItems, seconds, itemsPerSecond: Math.round(summary.newItems / seconds), peakRssMb };
  } finally {
    await ctx.close();
  }
}

/** A raw payload as the import stored it, so the raw baseline writes rows of the same size. */
async function sampleRawBody(dataDir: string): Promise<string> {
  const ctx = await openArchive(parseConfig({ BEWAARD_DATA_DIR: dataDir }));
  try {
    const [row] = await ctx.ds.getRepository(ItemVersionEntity).find({ take: 1 });
    return row?.raw.body ?? '{}';
  } finally {
    await ctx.close();
  }
}

/** Generates `count` twarc2 tweets and imports them into SQLite and MariaDB; compares with raw inserts. */
export async function benchIngest(count: number, options: { mariadb: boolean; keepDir?: string }) {
  const dir = options.keepDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-bench-'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'tweets.jsonl');
  const g0 = Date.now();
  await writeTwarc2File(file, count);
  console.log(`generated ${count.toLocaleString('en')} twarc2 tweets (${Math.round(fs.statSync(file).size / 1048576)} MB) in ${((Date.now() - g0) / 1000).toFixed(1)} s`);

  const figures: IngestFigure[] = [];
  const sqliteDir = path.join(dir, 'sqlite');
  figures.push(await timeImport(parseConfig({ BEWAARD_DATA_DIR: sqliteDir }), file, 'bewaard import → SQLite'));
  figures.push(await rawSqliteInsertRate(count, path.join(dir, 'raw.sqlite'), await sampleRawBody(sqliteDir)));
  if (options.mariadb) {
    const { url, drop } = await createTemporaryMariaDb();
    // The buffer pool docker-compose.yml gives MariaDB (its own default, 128 MB, thrashes at 1M
    // items); BENCH_MARIADB_BUFFER_POOL_MB=0 measures the server as it is configured.
    const poolMb = Number(process.env.BENCH_MARIADB_BUFFER_POOL_MB ?? 1024);
    const importInto = async (serverBytes?: number) => {
      const pool = serverBytes === undefined ? 'server\'s buffer pool' : `buffer pool ${Math.max(poolMb, serverBytes / 1048576)} MB`;
      return timeImport(parseConfig({ BEWAARD_DATA_DIR: path.join(dir, 'maria'), DATABASE_URL: url }), file, `bewaard import → MariaDB (${pool})`);
    };
    try {
      figures.push(poolMb > 0 ? await withInnodbBufferPool(poolMb * 1048576, importInto) : await importInto());
    } finally {
      await drop();
    }
  }
  fs.rmSync(file, { force: true });
  return { figures, sqliteDataDir: sqliteDir, dir };
}
