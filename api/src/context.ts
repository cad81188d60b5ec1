import type { Logger } from 'pino';
import type { Viewer } from './auth/viewer.js';
import type { ItemLoaders } from './items/loaders.js';
import type { CitizenPseudonyms } from './privacy/text-masking.js';

/** Where a request came from, as recorded in the audit trail and used for login rate limits. */
export interface ClientInfo {
  /** After trusted proxies (see `trustProxy`); null when unknown. */
  ip: string | null;
  userAgent: string | null;
}

/** What every resolver gets for one request. */
export interface RequestContext {
  viewer: Viewer | null;
  requestId: string;
  client: ClientInfo;
  loaders: ItemLoaders;
  /** Per-response numbering of citizens for masked callers ("Burger 1", "Burger 2", …). */
  pseudonyms: CitizenPseudonyms;
  log: Logger;
}
