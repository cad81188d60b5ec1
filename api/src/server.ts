import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { IndexSync } from '@bewaard/schema';
import express from 'express';
import type { Logger } from 'pino';
import type { RequestContext } from './context.js';
import { makeFormatError } from './errors/format-error.js';
import { buildApiSchema, createServices, type ApiDeps } from './graphql/build-schema.js';
import { complexityLimit } from './graphql/complexity-limit.js';
import { depthLimit } from './graphql/depth-limit.js';
import { noStorePlugin } from './graphql/no-store.plugin.js';
import { createItemLoaders } from './items/loaders.js';
import { currentRequestId, requestLog, requestLogging } from './logging/request-log.js';
import { pseudonymOrderPlugin } from './privacy/pseudonym-order.plugin.js';
import { CitizenPseudonyms } from './privacy/text-masking.js';

export const MAX_QUERY_DEPTH = 10;
/**
 * A 100-item search page with authors, accounts, versions, parent and replies costs about 11,000;
 * a tree of replies three levels deep under such a page costs 300,000.
 */
export const MAX_QUERY_COMPLEXITY = 25_000;
const DEFAULT_TRUST_PROXY = 'loopback, linklocal, uniquelocal';

function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Builds the HTTP server (GraphQL at /graphql, health at /health) without listening. */
export async function createApiServer(deps: ApiDeps, logger: Logger) {
  const services = createServices(deps);
  const schema = await buildApiSchema(services.container);
  const app = express();
  const httpServer = http.createServer(app);
  // Longer than clients' and proxies' idle timeouts (undici 4 s, nginx 60 s), so a client never
  // reuses a keep-alive connection the server has just closed (ECONNRESET under light load).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: makeFormatError(() => requestLog(logger)),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Installed by default, it wraps every field resolver to compute a cache policy that is
      // always "no-store" here; noStorePlugin sends that header without the per-field cost.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
      complexityLimit(MAX_QUERY_COMPLEXITY),
      pseudonymOrderPlugin(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? DEFAULT_TRUST_PROXY);
  app.get('/health', async (_req, res) => {
    try {
      const lag = await new IndexSync(deps.ds, deps.searchIndex).lag();
      res.json({ status: 'ok', search: deps.searchIndex.name, indexLag: lag });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', error: (err as Error).message });
    }
  });
  app.use(
    '/graphql',
    requestLogging(logger),
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => {
        const log = requestLog(logger);
        const viewer = await services.auth.authenticate(bearerToken(req.headers.authorization));
        log.debug(
          { userId: viewer?.userId, op: (req.body as { operationName?: string })?.operationName },
          'graphql request',
        );
        return {
          viewer,
          requestId: currentRequestId() ?? 'none',
          client: { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null },
          loaders: createItemLoaders(services.itemRepository),
          pseudonyms: new CitizenPseudonyms(),
          log,
        };
      },
    }),
  );
  return {
    httpServer,
    apollo,
    schema,
    async stop() {
      await apollo.stop();
    },
  };
}
