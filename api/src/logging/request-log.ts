import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

interface RequestLog {
  requestId: string;
  log: Logger;
}

const current = new AsyncLocalStorage<RequestLog>();

/** A client's X-Request-Id is kept (for tracing across services) when it is short and plain. */
function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,64}$/.test(value) ? value : crypto.randomUUID();
}

/**
 * Gives each request an id and a child logger carrying it, for the whole asynchronous call
 * tree of the request (resolvers, services, Apollo's error formatting), so every log line of a
 * request can be found by its id. The id is echoed in the X-Request-Id response header.
 */
export function requestLogging(base: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    const log = base.child({ requestId });
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) },
        'request finished',
      );
    });
    current.run({ requestId, log }, next);
  };
}

/** The request's logger inside a request; `fallback` outside one (start-up, background work). */
export function requestLog(fallback: Logger): Logger {
  return current.getStore()?.log ?? fallback;
}

export function currentRequestId(): string | null {
  return current.getStore()?.requestId ?? null;
}
