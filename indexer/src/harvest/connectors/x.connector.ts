import { Platform } from '@bewaard/schema';
import { twarc2Source } from '../../sources/index.js';
import { remainingResetPolicy } from '../http/rate-limit.js';
import { parseJsonObject, type Connector } from './connector.js';
import { xConversations } from './x.conversations.js';
import { TWEET_FIELDS, X_PAGE_SIZE } from './x.fields.js';

/**
 * X API v2: `GET /2/users/:id/tweets`, paged by `pagination_token`, limited server-side by
 * `since_id`; `meta.newest_id` of the first page is the next run's `since`. The endpoint serves
 * only the latest 3200 tweets, which is why sync-missing never looks before the oldest one seen.
 * The conversations around the tweets are read through recent search (see x.conversations.ts).
 */
export const xConnector: Connector = {
  platform: Platform.X,
  source: twarc2Source,
  rateLimit: remainingResetPolicy,
  conversations: xConversations,
  async profile(http, account) {
    const id = account.apiAccountId ?? account.platformAccountId;
    const page = await http.get(`2/users/${encodeURIComponent(id)}`, { 'user.fields': 'public_metrics' });
    const data = parseJsonObject(page.body, page.url).data as { public_metrics?: { tweet_count?: unknown } } | undefined;
    const count = data?.public_metrics?.tweet_count;
    return { apiAccountId: id, platformCount: typeof count === 'number' ? count : null };
  },
  async fetchPage(http, id, position, since) {
    const page = await http.get(`2/users/${encodeURIComponent(id)}/tweets`, { max_results: X_PAGE_SIZE, ...TWEET_FIELDS, since_id: since, pagination_token: position });
    const meta = (parseJsonObject(page.body, page.url).meta ?? {}) as { next_token?: unknown; newest_id?: unknown };
    return {
      page,
      next: typeof meta.next_token === 'string' ? meta.next_token : null,
      newestMarker: typeof meta.newest_id === 'string' ? meta.newest_id : null,
      reachedSince: false,
    };
  },
};
