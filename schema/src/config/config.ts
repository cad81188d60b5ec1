import path from 'node:path';
import { z } from 'zod';

/**
 * Bewaard's configuration, parsed once from the environment. Every variable is documented in
 * README.md ("Configuration"); nothing else in the code reads process.env.
 */
const ConfigSchema = z.object({
  BEWAARD_DATA_DIR: z.string().min(1).default('./data'),
  /** Unset: embedded SQLite in the data dir. `mariadb://user:pass@host:port/db` or `mysql://…`: MariaDB/MySQL. */
  DATABASE_URL: z
    .string()
    .regex(/^(mariadb|mysql):\/\//, 'DATABASE_URL must start with mariadb:// or mysql://')
    .optional(),
  /** Set: use Meilisearch at this URL; unset: the embedded SQLite FTS5 engine in the data dir. */
  MEILI_URL: z.url().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/).default('bewaard'),
  API_HOST: z.string().default('127.0.0.1'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  /** Where the portal reaches the API (server-side). */
  API_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  PORTAL_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Lifetime of a login session, hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Approximate number of items in the demo archive (`bewaard demo`, `npm start` on an empty archive). */
  DEMO_ITEMS: z.coerce.number().int().min(100).max(5_000_000).default(20_000),
  /** JSON file with the live-harvest API credentials (`bewaard harvest`); `--credentials` overrides it. */
  BEWAARD_HARVEST_CREDENTIALS: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config {
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'mariadb'; url: string };
  search: { kind: 'embedded'; file: string } | { kind: 'meilisearch'; url: string; apiKey?: string; indexPrefix: string };
  mediaDir: string;
  api: { host: string; port: number; url: string };
  portal: { port: number };
  sessionTtlHours: number;
  demoItems: number;
  /** Path of the harvest credentials file, when configured. */
  harvestCredentialsFile: string | null;
  logLevel: RawConfig['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const raw = parsed.data;
  const dataDir = path.resolve(raw.BEWAARD_DATA_DIR);
  return {
    dataDir,
    database: raw.DATABASE_URL
      ? { kind: 'mariadb', url: raw.DATABASE_URL }
      : { kind: 'sqlite', file: path.join(dataDir, 'bewaard.sqlite') },
    search: raw.MEILI_URL
      ? { kind: 'meilisearch', url: raw.MEILI_URL, apiKey: raw.MEILI_MASTER_KEY, indexPrefix: raw.MEILI_INDEX_PREFIX }
      : { kind: 'embedded', file: path.join(dataDir, 'search.sqlite') },
    mediaDir: path.join(dataDir, 'media'),
    api: { host: raw.API_HOST, port: raw.API_PORT, url: raw.API_URL },
    portal: { port: raw.PORTAL_PORT },
    sessionTtlHours: raw.SESSION_TTL_HOURS,
    demoItems: raw.DEMO_ITEMS,
    harvestCredentialsFile: raw.BEWAARD_HARVEST_CREDENTIALS ? path.resolve(raw.BEWAARD_HARVEST_CREDENTIALS) : null,
    logLevel: raw.LOG_LEVEL,
  };
}

let cached: Config | undefined;
/** The process's configuration, parsed on first use. */
export function config(): Config {
  cached ??= parseConfig();
  return cached;
}
