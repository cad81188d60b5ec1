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

/**
 * Runs `work` with the server's InnoDB buffer pool at least `bytes` (a benchmark measuring against
 * the pool a deployment configures: docker-compose.yml sets 1 GB, MariaDB's default is 128 MB), and
 * gives the server its own size back afterwards. Resizing is online; it needs the privilege to set
 * global variables. Returns the size the server had.
 */
export async function withInnodbBufferPool<T>(
  bytes: number,
  work: (serverBytes: number) => Promise<T>,
  serverUrl = testMariaDbServerUrl(),
): Promise<T> {
  const conn = await mysql.createConnection(connectionOptions(serverUrl));
  const size = async () => {
    const [rows] = await conn.query('SELECT @@innodb_buffer_pool_size AS size');
    return Number((rows as Array<{ size: number | string }>)[0]!.size);
  };
  const status = async () => {
    const [rows] = await conn.query("SHOW STATUS LIKE 'Innodb_buffer_pool_resize_status'");
    return String((rows as Array<{ Value: string }>)[0]?.Value ?? '');
  };
  const resize = async (to: number) => {
    const previous = await status();
    await conn.query('SET GLOBAL innodb_buffer_pool_size = ?', [to]);
    // The resize runs in the background and ends with a new "Completed resizing …" status.
    for (let i = 0; i < 300; i++) {
      const now = await status();
      if (now !== previous && now.startsWith('Completed')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    const before = await size();
    if (before >= bytes) return await work(before);
    await resize(bytes);
    try {
      return await work(before);
    } finally {
      await resize(before);
    }
  } finally {
    await conn.end();
  }
}
