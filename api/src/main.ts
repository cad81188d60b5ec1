import { config, createSearchIndex, openDatabase } from '@bewaard/schema';
import { pino } from 'pino';
import { createApiServer } from './server.js';

/** Starts the API: opens (and migrates) the database, connects the search engine, listens. */
export async function main(): Promise<void> {
  const cfg = config();
  const logger = pino({ level: cfg.logLevel, base: { service: 'api' } });
  const ds = await openDatabase(cfg.database);
  const searchIndex = createSearchIndex(cfg.search);
  await searchIndex.init();
  const warmStart = Date.now();
  await searchIndex.warm?.();
  logger.info({ ms: Date.now() - warmStart }, 'search index loaded');
  const server = await createApiServer({ ds, searchIndex, sessionTtlHours: cfg.sessionTtlHours }, logger);
  await new Promise<void>((resolve) => server.httpServer.listen(cfg.api.port, cfg.api.host, resolve));
  logger.info({ url: `http://${cfg.api.host}:${cfg.api.port}/graphql`, database: cfg.database.kind, search: searchIndex.name }, 'API listening');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.stop();
    await searchIndex.close();
    await ds.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
