import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type MixedList } from 'typeorm';
import type { Config } from '../config/config.js';
import { ENTITIES } from '../entities/index.js';
import { MARIADB_MIGRATIONS } from '../migrations/mariadb/index.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite/index.js';

export type DatabaseConfig = Config['database'];

/**
 * The one place a TypeORM DataSource is built. `synchronize` is never on: the schema comes from
 * the per-driver migrations in `../migrations/`, which `runMigrations` applies.
 */
export function createDataSource(
  db: DatabaseConfig,
  options: { migrations?: MixedList<string | (new () => unknown)>; logging?: boolean } = {},
): DataSource {
  if (db.kind === 'sqlite') {
    if (db.file !== ':memory:') fs.mkdirSync(path.dirname(db.file), { recursive: true });
    return new DataSource({
      type: 'better-sqlite3',
      database: db.file,
      entities: ENTITIES,
      migrations: options.migrations ?? SQLITE_MIGRATIONS,
      migrationsTransactionMode: 'each',
      synchronize: false,
      logging: options.logging ?? false,
      enableWAL: true,
      // The api, indexer and index worker share one file across processes: wait for locks, don't fail.
      timeout: 15_000,
      prepareDatabase: (sqlite: { pragma(source: string): unknown }) => {
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('synchronous = NORMAL');
        // The default 2 MB page cache thrashes on index-heavy bulk imports; 64 MB keeps them in memory.
        sqlite.pragma('cache_size = -65536');
        sqlite.pragma('temp_store = MEMORY');
      },
    });
  }
  return new DataSource({
    type: 'mariadb',
    url: db.url.replace(/^mariadb:/, 'mysql:'),
    entities: ENTITIES,
    migrations: options.migrations ?? MARIADB_MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: options.logging ?? false,
    charset: 'utf8mb4_unicode_ci',
    // Dates are stored and read as UTC whatever the server's or process's time zone.
    timezone: 'Z',
    supportBigNumbers: true,
    poolSize: 10,
  });
}

/** Initialise the DataSource and bring its schema up to date. */
export async function openDatabase(db: DatabaseConfig): Promise<DataSource> {
  const ds = createDataSource(db);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return ds;
}
