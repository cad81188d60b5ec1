/**
 * `npm run bench`: ingest figures (issue: 1M twarc2 items, SQLite and MariaDB, vs the raw engine).
 * BENCH_ITEMS scales the run (default 1,000,000); BENCH_MARIADB=0 skips MariaDB;
 * BENCH_MARIADB_BUFFER_POOL_MB (default 1024, as docker-compose.yml; 0: the server as it is) sizes
 * the server's InnoDB buffer pool during the MariaDB import and restores it afterwards.
 */
import { benchIngest } from './ingest.bench.js';

const count = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const { figures, dir } = await benchIngest(count, { mariadb: process.env.BENCH_MARIADB !== '0' });
console.log('\nIngest');
console.table(figures.map((f) => ({ engine: f.engine, items: f.items, seconds: f.seconds.toFixed(1), 'items/s': f.itemsPerSecond, 'peak RSS MB': f.peakRssMb })));
const raw = figures.find((f) => f.engine.startsWith('raw'));
const sqlite = figures.find((f) => f.engine.includes('SQLite'));
if (raw && sqlite) console.log(`SQLite import reaches ${Math.round((100 * sqlite.itemsPerSecond) / raw.itemsPerSecond)}% of the raw engine's insert rate`);
console.log(`data left in ${dir}`);
