import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { describe } from 'vitest';
import { openDatabase, type DatabaseConfig } from '../storage/data-source.js';
import { checkMariaDbReachable, createTemporaryMariaDb, testMariaDbServerUrl } from '../storage/temporary-database.js';

/**
 * Runs the same integration suite against SQLite and MariaDB. MariaDB comes from TEST_MARIADB_URL
 * (default mariadb://root@127.0.0.1:3306); each suite gets its own database, dropped afterwards.
 * Outside CI an unreachable MariaDB is skipped with the reason; with CI=true it fails the run.
 */
export interface TestDatabase {
  kind: 'sqlite' | 'mariadb';
  config: DatabaseConfig;
  open(): Promise<DataSource>;
  dispose(): Promise<void>;
}

async function mariaDbProblem(): Promise<string | null> {
  try {
    await checkMariaDbReachable();
    return null;
  } catch (err) {
    return `MariaDB at ${testMariaDbServerUrl()} unreachable: ${(err as Error).message}`;
  }
}
const mariaProblem = await mariaDbProblem();
if (mariaProblem && process.env.CI === 'true') {
  throw new Error(`${mariaProblem} (CI=true: MariaDB integration tests must run)`);
}

export function makeSqliteDatabase(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-sqlite-'));
  const config: DatabaseConfig = { kind: 'sqlite', file: path.join(dir, 'test.sqlite') };
  return Promise.resolve({
    kind: 'sqlite',
    config,
    open: () => openDatabase(config),
    dispose: () => Promise.resolve(fs.rmSync(dir, { recursive: true, force: true })),
  });
}

export async function makeMariaDatabase(): Promise<TestDatabase> {
  const { url, drop } = await createTemporaryMariaDb();
  const config: DatabaseConfig = { kind: 'mariadb', url };
  return { kind: 'mariadb', config, open: () => openDatabase(config), dispose: drop };
}

/** `describe` once per storage engine; the body gets a factory for a fresh, migrated database. */
export function describeEachDatabase(title: string, body: (make: () => Promise<TestDatabase>) => void): void {
  describe(`${title} [sqlite]`, () => body(makeSqliteDatabase));
  if (mariaProblem) {
    describe.skip(`${title} [mariadb] — skipped: ${mariaProblem}`, () => body(makeMariaDatabase));
  } else {
    describe(`${title} [mariadb]`, () => body(makeMariaDatabase));
  }
}
