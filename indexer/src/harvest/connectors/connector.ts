import type { Platform } from '@bewaard/schema';
import type { Source } from '../../sources/index.js';
import type { FetchedPage, HttpClient } from '../http/http-client.js';
import type { RateLimitPolicy } from '../http/rate-limit.js';
import type { ConversationReader } from './conversation-reader.js';

/** The account as the connector needs it; ids are the archive's (AccountEntity). */
export interface ConnectorAccount {
  platform: Platform;
  platformAccountId: string;
  handle: string;
  /** The id the API wants when it differs from the archive's (Mastodon's local numeric id). */
  apiAccountId: string | null;
}

/** What the platform says about the account before we page through it. */
export interface AccountProfile {
  /** The id to put in timeline requests. */
  apiAccountId: string;
  /** What the platform says exists (statuses_count, tweet_count, postsCount, videoCount); null when it does not say. */
  platformCount: number | null;
}

export interface ConnectorPage {
  /** The response to read: its URL is the record label, its body goes to the source's readContent. */
  page: FetchedPage;
  /** Opaque position of the next (older) page; null when this was the last. */
  next: string | null;
  /** The newest-item marker on this page (an id or a timestamp); used from the first page of a run. */
  newestMarker: string | null;
  /** True when the page reaches items at or before `since`: older pages were harvested before. */
  reachedSince: boolean;
}

/**
 * One platform's timeline API. Pages go newest to oldest; `since` (the newest marker of the last
 * complete run) limits an incremental harvest, null asks for everything the API still serves.
 */
export interface Connector {
  platform: Platform;
  /** The reader that turns a page body into records: the same one imports use. */
  source: Source;
  rateLimit: RateLimitPolicy;
  profile(http: HttpClient, account: ConnectorAccount): Promise<AccountProfile>;
  fetchPage(http: HttpClient, apiAccountId: string, position: string | null, since: string | null): Promise<ConnectorPage>;
  /** Reads the conversations around the timeline's posts; absent where the timeline pages already hold them (YouTube's walk). */
  conversations?: ConversationReader;
}

/** The `rel="next"` target of an RFC 8288 `Link` header (Mastodon pagination). */
export function linkNext(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2]!.split(/\s+/).includes('next')) return m[1]!;
  }
  return null;
}

export function parseJsonObject(text: string, url: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${url}: expected a JSON object`);
  return value as Record<string, unknown>;
}

/** True when an ISO/Graph timestamp is at or before the marker (both parsed, so formats may differ). */
export function atOrBefore(time: unknown, marker: string | null): boolean {
  if (marker === null || typeof time !== 'string') return false;
  const t = Date.parse(time);
  const m = Date.parse(marker);
  return !Number.isNaN(t) && !Number.isNaN(m) && t <= m;
}
