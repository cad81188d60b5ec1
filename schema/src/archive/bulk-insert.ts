import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

interface SqliteStatement {
  run(params: unknown[]): unknown;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

function preparedStatement(db: SqliteConnection, sql: string): SqliteStatement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, SqliteStatement>()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** The better-sqlite3 connection behind a TypeORM manager, or null for other drivers. */
function betterSqliteHandle(m: EntityManager): SqliteConnection | null {
  if (m.connection.options.type !== 'better-sqlite3') return null;
  return (m.connection.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
}

// SQLite allows 32,766 bound parameters per statement; MariaDB's prepared-statement limit is 65,535.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

/**
 * Bulk INSERT of entity objects: on SQLite through cached prepared statements on the driver's
 * own connection; elsewhere as multi-row INSERTs. Values go through the driver's own conversion
 * (`preparePersistentValue`: dates, booleans, JSON) exactly as TypeORM's save would, but without
 * its per-row bookkeeping, which costs most of the import time. Statements of equal shape repeat,
 * so the driver's statement cache applies.
 */
export async function bulkInsert<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const columns = meta.columns.filter((c) => !(c.isGenerated && c.generationStrategy === 'increment'));
  const sqlite = betterSqliteHandle(m);
  if (sqlite) {
    // Same connection, inside the caller's transaction: better-sqlite3 is one synchronous connection.
    const sql = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const stmt = preparedStatement(sqlite, sql);
    for (const row of rows) {
      stmt.run(columns.map((c) => {
        const value: unknown = c.getEntityValue(row);
        return value === undefined ? null : (driver.preparePersistentValue(value, c) as unknown);
      }));
    }
    return;
  }
  const head = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params: unknown[] = [];
    for (const row of chunk) {
      for (const c of columns) {
        const value: unknown = c.getEntityValue(row);
        params.push(value === undefined ? null : driver.preparePersistentValue(value, c));
      }
    }
    await m.query(head + new Array<string>(chunk.length).fill(tuple).join(', '), params);
  }
}
