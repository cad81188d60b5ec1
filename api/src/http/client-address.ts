import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/** Which hops may set X-Forwarded-For: Express's `trust proxy` values (true, a hop count, or addresses/subnets/names). */
export type TrustProxy = boolean | string | number;

/** The client's address after the trusted proxies, as Express's `req.ip` computes it. */
export function clientAddress(trust: TrustProxy): (req: IncomingMessage) => string | null {
  const trusts: (addr: string, hop: number) => boolean =
    trust === true
      ? () => true
      : trust === false
        ? () => false
        : typeof trust === 'number'
          ? (_addr, hop) => hop < trust
          : proxyaddr.compile(trust.split(',').map((s) => s.trim()));
  return (req) => (req.socket.remoteAddress ? proxyaddr(req, trusts) : null);
}
