import type { EntityManager } from 'typeorm';
import type { TableSpec } from './archive-tables.js';
import type { BatchStore } from './batch-store.js';
import { SQLITE_VALUES } from './value-encoding.js';

interface SqliteStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
export interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

/** The better-sqlite3 connection behind a TypeORM manager, or null for other drivers. */
export function betterSqliteHandle(m: EntityManager): SqliteConnection | null {
  if (m.connection.options.type !== 'better-sqlite3') return null;
  return (m.connection.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
}

const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

function prepared(db: SqliteConnection, sql: string): SqliteStatement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, SqliteStatement>()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/**
 * Prepared statements on TypeORM's own better-sqlite3 connection, so they run inside the
 * transaction TypeORM opened (better-sqlite3 is one synchronous connection). One row is one
 * `run`: for SQLite a prepared single-row INSERT is as fast as it gets, with no SQL to build.
 */
export class SqliteBatchStore implements BatchStore {
  readonly values = SQLITE_VALUES;

  constructor(private readonly db: SqliteConnection) {}

  insert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const stmt = prepared(this.db, `INSERT INTO "${spec.table}" (${spec.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${spec.columns.map(() => '?').join(', ')})`);
    for (const row of rows) {
      const values = spec.values(row, SQLITE_VALUES);
      // A field a source left undefined is stored as NULL, as TypeORM does.
      for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
      stmt.run(values);
    }
    return Promise.resolve();
  }

  // The whole list is one JSON parameter: one cached statement whatever the list's length.
  selectIn<T>(sql: string, params: readonly unknown[], list: readonly string[]): Promise<T[]> {
    if (list.length === 0) return Promise.resolve([]);
    const stmt = prepared(this.db, sql.replace('IN $LIST', 'IN (SELECT value FROM json_each(?))'));
    return Promise.resolve(stmt.all(...params, JSON.stringify(list)) as T[]);
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  runEach(sql: string, paramLists: ReadonlyArray<readonly unknown[]>): Promise<void> {
    if (paramLists.length === 0) return Promise.resolve();
    const stmt = prepared(this.db, sql);
    for (const params of paramLists) stmt.run(...params);
    return Promise.resolve();
  }
}
