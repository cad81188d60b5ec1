import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { IndexSync } from '@bewaard/schema';
import express from 'express';
import type { Logger } from 'pino';
import type { RequestContext } from './context.js';
import { formatError, isUnexpectedError } from './errors/format-error.js';
import { unexpectedErrorLogging } from './errors/unexpected-error-logging.plugin.js';
import { buildApiSchema, createServices, type ApiDeps } from './graphql/build-schema.js';
import { complexityLimit } from './graphql/complexity-limit.js';
import { depthLimit } from './graphql/depth-limit.js';
import { noStorePlugin } from './graphql/no-store.plugin.js';
import { clientAddress } from './http/client-address.js';
import { graphqlEndpoint } from './http/graphql-endpoint.js';
import { createItemLoaders } from './items/loaders.js';
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
  const ipOf = clientAddress(deps.trustProxy ?? DEFAULT_TRUST_PROXY);
  // Set below, once Apollo has started.
  let graphql: ((req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>) | null = null;
  const httpServer = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    if (graphql && (path === '/graphql' || path === '/graphql/')) void graphql(req, res);
    else app(req, res);
  });
  // Longer than clients' and proxies' idle timeouts (undici 4 s, nginx 60 s), so a client never
  // reuses a keep-alive connection the server has just closed (ECONNRESET under light load).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
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
      unexpectedErrorLogging(),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    try {
      const lag = await new IndexSync(deps.ds, deps.searchIndex).lag();
      res.json({ status: 'ok', search: deps.searchIndex.name, indexLag: lag });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', error: (err as Error).message });
    }
  });
  graphql = graphqlEndpoint(apollo, logger, async (req, { requestId, log }) => {
    const viewer = await services.auth
      .authenticate(bearerToken(req.headers.authorization))
      .catch((err: unknown) => {
        // Apollo answers a failed context with a 500 but does not log it.
        if (isUnexpectedError(err, undefined)) log.error({ err }, 'authentication failed');
        throw err;
      });
    log.debug({ userId: viewer?.userId }, 'graphql request');
    return {
      viewer,
      requestId,
      client: { ip: ipOf(req), userAgent: req.headers['user-agent'] ?? null },
      loaders: createItemLoaders(services.itemRepository),
      pseudonyms: new CitizenPseudonyms(),
      log,
    };
  });
  return {
    httpServer,
    apollo,
    schema,
    async stop() {
      await apollo.stop();
    },
  };
}
