import { Platform } from '@bewaard/schema';
import { mastodonApiSource } from '../../sources/index.js';
import { remainingResetPolicy } from '../http/rate-limit.js';
import { linkNext, parseJsonObject, type Connector } from './connector.js';
import { mastodonConversations } from './mastodon.conversations.js';

const PAGE_SIZE = 40; // Mastodon's maximum for account statuses

/**
 * Mastodon: `GET /api/v1/accounts/:id/statuses`, paged by the `Link` header (max_id) and limited
 * server-side by `since_id`. The archive knows accounts by their ActivityPub actor URL, the API by
 * a local id: without a configured `apiAccountId` we look the handle up.
 */
export const mastodonConnector: Connector = {
  platform: Platform.MASTODON,
  source: mastodonApiSource,
  rateLimit: remainingResetPolicy,
  conversations: mastodonConversations,
  async profile(http, account) {
    const page = account.apiAccountId
      ? await http.get(`api/v1/accounts/${encodeURIComponent(account.apiAccountId)}`)
      : await http.get('api/v1/accounts/lookup', { acct: account.handle });
    const body = parseJsonObject(page.body, page.url);
    const id = typeof body.id === 'string' ? body.id : account.apiAccountId;
    if (!id) throw new Error(`${page.url}: no account id in the response`);
    return { apiAccountId: id, platformCount: typeof body.statuses_count === 'number' ? body.statuses_count : null };
  },
  async fetchPage(http, apiAccountId, position, since) {
    const page = await http.get(position ?? `api/v1/accounts/${encodeURIComponent(apiAccountId)}/statuses`, { limit: PAGE_SIZE, since_id: since });
    const statuses = JSON.parse(page.body) as unknown;
    if (!Array.isArray(statuses)) throw new Error(`${page.url}: expected an array of statuses`);
    const first = statuses[0] as { id?: unknown } | undefined;
    return {
      page,
      // An empty page is Mastodon's way of saying there is nothing older.
      next: statuses.length === 0 ? null : linkNext(page.headers.get('link')),
      newestMarker: typeof first?.id === 'string' ? first.id : null,
      reachedSince: false,
    };
  },
};
