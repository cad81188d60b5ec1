import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface RequestLog {
  requestId: string;
  log: Logger;
}

/** A client's X-Request-Id is kept (for tracing across services) when it is short and plain. */
function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,64}$/.test(value) ? value : crypto.randomUUID();
}

/**
 * Gives a request an id and a child logger carrying it, which the request's context hands to
 * resolvers, services and the error logging, so every log line of a request can be found by its
 * id. The id is echoed in the X-Request-Id response header; the request's end is logged.
 * (Passed explicitly rather than through AsyncLocalStorage, whose promise hooks cost every
 * request a little for every promise it creates.)
 */
export function startRequestLog(base: Logger, req: IncomingMessage, res: ServerResponse): RequestLog {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  const log = base.child({ requestId });
  res.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const path = (req.url ?? '/').split('?', 1)[0];
    log.info({ method: req.method, path, status: res.statusCode, ms: Math.round(ms) }, 'request finished');
  });
  return { requestId, log };
}
