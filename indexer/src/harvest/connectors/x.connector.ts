import { Platform } from '@bewaard/schema';
import { twarc2Source } from '../../sources/index.js';
import { remainingResetPolicy } from '../http/rate-limit.js';
import { parseJsonObject, type Connector } from './connector.js';

/** Fields the twarc2 reader uses: edit chains, threads, media and the authors in `includes`. */
const TIMELINE_PARAMS = {
  max_results: 100,
  'tweet.fields': 'attachments,author_id,conversation_id,created_at,edit_controls,edit_history_tweet_ids,entities,in_reply_to_user_id,lang,possibly_sensitive,public_metrics,referenced_tweets,reply_settings,source,text',
  expansions: 'attachments.media_keys,author_id,edit_history_tweet_ids,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id',
  'user.fields': 'created_at,name,username,verified',
  'media.fields': 'alt_text,duration_ms,height,media_key,preview_image_url,type,url,variants,width',
};

/**
 * X API v2: `GET /2/users/:id/tweets`, paged by `pagination_token`, limited server-side by
 * `since_id`; `meta.newest_id` of the first page is the next run's `since`. The endpoint serves
 * only the latest 3200 tweets, which is why sync-missing never looks before the oldest one seen.
 */
export const xConnector: Connector = {
  platform: Platform.X,
  source: twarc2Source,
  rateLimit: remainingResetPolicy,
  async profile(http, account) {
    const id = account.apiAccountId ?? account.platformAccountId;
    const page = await http.get(`2/users/${encodeURIComponent(id)}`, { 'user.fields': 'public_metrics' });
    const data = parseJsonObject(page.body, page.url).data as { public_metrics?: { tweet_count?: unknown } } | undefined;
    const count = data?.public_metrics?.tweet_count;
    return { apiAccountId: id, platformCount: typeof count === 'number' ? count : null };
  },
  async fetchPage(http, id, position, since) {
    const page = await http.get(`2/users/${encodeURIComponent(id)}/tweets`, { ...TIMELINE_PARAMS, since_id: since, pagination_token: position });
    const meta = (parseJsonObject(page.body, page.url).meta ?? {}) as { next_token?: unknown; newest_id?: unknown };
    return {
      page,
      next: typeof meta.next_token === 'string' ? meta.next_token : null,
      newestMarker: typeof meta.newest_id === 'string' ? meta.newest_id : null,
      reachedSince: false,
    };
  },
};
