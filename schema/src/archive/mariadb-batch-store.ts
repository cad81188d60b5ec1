import type { EntityManager } from 'typeorm';
import type { TableSpec } from './archive-tables.js';
import type { BatchStore } from './batch-store.js';
import { MARIADB_VALUES } from './value-encoding.js';

// MariaDB accepts 65,535 parameters per prepared statement; 1,000 rows keep a statement at a few MB.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 1_000;
const MAX_LIST = 1_000;

type Callback = (err: Error | null) => void;
interface MysqlConnection {
  execute(sql: string, params: unknown[], cb: Callback): void;
  unprepare(sql: string): void;
}

/**
 * Multi-row INSERTs on the transaction's own connection as server-side prepared statements: the
 * binary protocol sends values as they are, where text SQL would escape every JSON payload on
 * the client and parse it again on the server (measured: a quarter less server CPU).
 *
 * Inserts are pipelined: `insert` returns once its statements are queued, so this thread lays out
 * the next table's rows while the server is still inserting; reads and `flush` wait for them.
 */
export class MariaDbBatchStore implements BatchStore {
  readonly values = MARIADB_VALUES;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly m: EntityManager) {}

  private get connection(): MysqlConnection {
    return (this.m.queryRunner as unknown as { databaseConnection: MysqlConnection }).databaseConnection;
  }

  insert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const head = `INSERT INTO \`${spec.table}\` (${spec.columns.map((c) => `\`${c}\``).join(', ')}) VALUES `;
    const tuple = `(${spec.columns.map(() => '?').join(', ')})`;
    const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / spec.columns.length)));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const params: unknown[] = [];
      for (const row of chunk) for (const value of spec.values(row, MARIADB_VALUES)) params.push(value ?? null);
      const sql = head + new Array<string>(chunk.length).fill(tuple).join(', ');
      // Full-size statements recur batch after batch and stay prepared; any other size is closed
      // after use, so odd batch sizes never pile up prepared statements on the server.
      this.enqueue(() => this.execute(sql, params, chunk.length !== perStatement));
    }
    return Promise.resolve();
  }

  private enqueue(next: () => Promise<void>): void {
    const queued = this.pending.then(next);
    // Observed by flush() or the next read; this only keeps an early failure from counting as unhandled.
    queued.catch(() => undefined);
    this.pending = queued;
  }

  private execute(sql: string, params: unknown[], once: boolean): Promise<void> {
    const connection = this.connection;
    return new Promise<void>((resolve, reject) =>
      connection.execute(sql, params, (err) => {
        if (once) connection.unprepare(sql);
        if (err) reject(err);
        else resolve();
      }),
    );
  }

  async flush(): Promise<void> {
    await this.pending;
  }

  async selectIn<T>(sql: string, params: readonly unknown[], list: readonly string[]): Promise<T[]> {
    await this.flush();
    const out: T[] = [];
    for (let i = 0; i < list.length; i += MAX_LIST) {
      const chunk = list.slice(i, i + MAX_LIST);
      const rows: T[] = await this.m.query(sql.replace('$LIST', `(${chunk.map(() => '?').join(', ')})`), [...params, ...chunk]);
      out.push(...rows);
    }
    return out;
  }

  async runEach(sql: string, paramLists: ReadonlyArray<readonly unknown[]>): Promise<void> {
    await this.flush();
    for (const params of paramLists) await this.m.query(sql, [...params]);
  }
}
