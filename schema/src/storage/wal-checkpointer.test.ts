import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './data-source.js';
import { startBackgroundCheckpoints } from './wal-checkpointer.js';

interface Sqlite {
  exec(sql: string): void;
  prepare(sql: string): { run(...p: unknown[]): unknown; get(): unknown };
  pragma(sql: string, options?: { simple: boolean }): unknown;
}

describe('background WAL checkpoints', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-wal-'));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('copy the WAL back while batches commit, start it over between batches, and hand checkpoints back to SQLite', async () => {
    const file = path.join(dir, 'db.sqlite');
    const ds = await openDatabase({ kind: 'sqlite', file });
    const db = (ds.driver as unknown as { databaseConnection: Sqlite }).databaseConnection;
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const pragmas: string[] = [];
    const pragma = db.pragma.bind(db);
    db.pragma = (sql, options) => (pragmas.push(sql), pragma(sql, options));
    const checkpoints = startBackgroundCheckpoints(ds, { restartFrames: 50 });
    expect(pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
    for (let batch = 0; batch < 20; batch++) {
      db.exec('BEGIN');
      for (let i = 0; i < 100; i++) insert.run('x'.repeat(1000));
      db.exec('COMMIT');
      await new Promise((resolve) => setTimeout(resolve, 50));
      checkpoints.betweenBatches();
    }
    await checkpoints.stop();
    expect(pragmas).toContain('wal_checkpoint(RESTART)');
    expect(pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2000 });
    await ds.destroy();
  });
});
