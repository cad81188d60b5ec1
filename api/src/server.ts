import crypto from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { IndexSync } from '@bewaard/schema';
import express from 'express';
import type { Logger } from 'pino';
import type { RequestContext } from './context.js';
import { makeFormatError } from './errors/format-error.js';
import { buildApiSchema, createServices, type ApiDeps } from './graphql/build-schema.js';
import { depthLimit } from './graphql/depth-limit.js';
import { ItemRepository } from './items/item.repository.js';
import { createItemLoaders } from './items/loaders.js';

export const MAX_QUERY_DEPTH = 10;

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
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: makeFormatError(logger),
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
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
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? crypto.randomUUID();
        const viewer = await services.auth.authenticate(bearerToken(req.headers.authorization));
        logger.debug({ requestId, userId: viewer?.userId, op: (req.body as { operationName?: string })?.operationName }, 'graphql request');
        return { viewer, requestId, loaders: createItemLoaders(new ItemRepository(deps.ds)) };
      },
    }),
  );
  return {
    httpServer,
    apollo,
    async stop() {
      await apollo.stop();
    },
  };
}
