import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

// SQLite allows 32,766 bound parameters per statement; MariaDB's prepared-statement limit is 65,535.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

/**
 * Multi-row INSERT of entity objects. Values go through the driver's own conversion
 * (`preparePersistentValue`: dates, booleans, JSON) exactly as TypeORM's save would, but without
 * its per-row bookkeeping, which costs most of the import time. Statements of equal shape repeat,
 * so the driver's statement cache applies.
 */
export async function bulkInsert<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const meta = m.connection.getMetadata(target);
  const driver = m.connection.driver;
  const columns = meta.columns.filter((c) => !(c.isGenerated && c.generationStrategy === 'increment'));
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
