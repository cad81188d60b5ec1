import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { RequestContext } from '../context.js';
import { startRequestLog, type RequestLog } from '../logging/request-log.js';
import { HttpInputError, readJsonBody } from './json-body.js';

export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Serves GraphQL straight from node's HTTP server: the request goes to Apollo with no web
 * framework in between (routing and body parsing cost more than a search on a warm index).
 */
export function graphqlEndpoint(
  apollo: ApolloServer<RequestContext>,
  logger: Logger,
  context: (req: IncomingMessage, request: RequestLog) => Promise<RequestContext>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const request = startRequestLog(logger, req, res);
    try {
      const body = await readJsonBody(req, MAX_BODY_BYTES);
      const url = req.url ?? '/';
      const query = url.indexOf('?');
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: query < 0 ? '' : url.slice(query),
          body,
        },
        context: () => context(req, request),
      });
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
        return;
      }
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (err) {
      if (err instanceof HttpInputError) {
        if (err.status === 413) res.setHeader('connection', 'close');
        sendText(res, err.status, err.message);
        return;
      }
      request.log.error({ err }, 'GraphQL request failed');
      sendText(res, 500, 'internal server error');
    }
  };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end(text);
}
