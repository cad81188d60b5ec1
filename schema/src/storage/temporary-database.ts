import crypto from 'node:crypto';
import mysql from 'mysql2/promise';

export const DEFAULT_TEST_MARIADB_URL = 'mariadb://root@127.0.0.1:3306';

/** The MariaDB server used by tests and tools: TEST_MARIADB_URL, or the local default. */
export function testMariaDbServerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.TEST_MARIADB_URL ?? DEFAULT_TEST_MARIADB_URL;
}

function connectionOptions(serverUrl: string) {
  const u = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
  };
}

/** Throws a readable error when the server cannot be reached. */
export async function checkMariaDbReachable(serverUrl = testMariaDbServerUrl()): Promise<void> {
  const conn = await mysql.createConnection({ ...connectionOptions(serverUrl), connectTimeout: 3000 });
  await conn.end();
}

/** Creates a uniquely named database, hands its URL to `fn`, and drops it afterwards. */
export async function withTemporaryMariaDb<T>(
  fn: (databaseUrl: string) => Promise<T>,
  serverUrl = testMariaDbServerUrl(),
): Promise<T> {
  const { url, drop } = await createTemporaryMariaDb(serverUrl);
  try {
    return await fn(url);
  } finally {
    await drop();
  }
}

export async function createTemporaryMariaDb(
  serverUrl = testMariaDbServerUrl(),
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bewaard_test_${crypto.randomBytes(6).toString('hex')}`;
  const opts = connectionOptions(serverUrl);
  const conn = await mysql.createConnection(opts);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const base = new URL(serverUrl.replace(/^mariadb:/, 'mysql:'));
  base.pathname = `/${name}`;
  return {
    url: base.toString().replace(/^mysql:/, 'mariadb:'),
    drop: async () => {
      const c = await mysql.createConnection(opts);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
