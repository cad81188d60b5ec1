import type { EntityManager } from 'typeorm';
import type { TableSpec } from './archive-tables.js';
import type { ValueEncoding } from './value-encoding.js';
import { MariaDbBatchStore } from './mariadb-batch-store.js';
import { SqliteBatchStore, betterSqliteHandle } from './sqlite-batch-store.js';

/**
 * The archive writer's access to the database inside one batch transaction: inserts of row arrays
 * and the few lookups a batch needs, each in the form its driver runs fastest.
 */
export interface BatchStore {
  /** How dates and booleans are bound on this driver, for statements written by hand. */
  readonly values: ValueEncoding;
  /** May return before the rows are written (MariaDB pipelines); `flush` waits for them. */
  insert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Promise<void>;
  flush(): Promise<void>;
  /**
   * Runs `sql`, in which `IN $LIST` stands for membership in `list`, with `params` bound before
   * the list. The list may be long: the store splits or packs it as its driver needs.
   */
  selectIn<T>(sql: string, params: readonly unknown[], list: readonly string[]): Promise<T[]>;
  /** One statement per parameter list (UPDATEs of existing items). */
  runEach(sql: string, paramLists: ReadonlyArray<readonly unknown[]>): Promise<void>;
}

export function batchStoreFor(m: EntityManager): BatchStore {
  const sqlite = betterSqliteHandle(m);
  return sqlite ? new SqliteBatchStore(sqlite) : new MariaDbBatchStore(m);
}
