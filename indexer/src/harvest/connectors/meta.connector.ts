import { Platform } from '@bewaard/schema';
import { metaGraphSource } from '../../sources/index.js';
import { metaPolicy } from '../http/rate-limit.js';
import { atOrBefore, parseJsonObject, type Connector } from './connector.js';
import { FACEBOOK_FIELDS, INSTAGRAM_FIELDS } from './meta.fields.js';
import { metaConversations } from './meta.conversations.js';

/**
 * Meta Graph API: a Facebook page's `/{page-id}/published_posts` or an Instagram professional
 * account's `/{ig-user-id}/media`, newest first, with the first 100 comments (and their first 100
 * replies) inlined through field expansion, so one request per page reads posts and most of the
 * discussion; longer lists are read on by meta.conversations.ts.
 * The token is sent as a Bearer header, never in the URL: page URLs become record labels.
 */

interface GraphListing {
  edge: string;
  fields: string;
  /** The field holding an object's publication time. */
  timeField: 'created_time' | 'timestamp';
}

const LISTINGS: Record<'facebook' | 'instagram', GraphListing> = {
  // published_posts holds only the page's own posts (the reader attributes them to the page);
  // /feed would add visitor posts, which are not the government's publications.
  facebook: { edge: 'published_posts', fields: FACEBOOK_FIELDS, timeField: 'created_time' },
  instagram: { edge: 'media', fields: INSTAGRAM_FIELDS, timeField: 'timestamp' },
};

/** Graph times look like `2021-07-09T19:09:52+0000`; stored markers are ISO so they compare anywhere. */
function isoOf(time: unknown): string | null {
  if (typeof time !== 'string') return null;
  const ms = Date.parse(time.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function graphConnector(platform: typeof Platform.FACEBOOK | typeof Platform.INSTAGRAM): Connector {
  const listing = LISTINGS[platform];
  return {
    platform,
    source: metaGraphSource,
    rateLimit: metaPolicy,
    conversations: metaConversations(platform),
    async profile(http, account) {
      const id = account.apiAccountId ?? account.platformAccountId;
      // A page's fan_count/followers_count counts people, not posts: Facebook gives no post count.
      if (platform === Platform.FACEBOOK) return { apiAccountId: id, platformCount: null };
      const page = await http.get(encodeURIComponent(id), { fields: 'id,username,media_count' });
      const count = parseJsonObject(page.body, page.url).media_count;
      return { apiAccountId: id, platformCount: typeof count === 'number' ? count : null };
    },
    async fetchPage(http, id, position, since) {
      // The position is the `after` cursor, not `paging.next`: that URL may carry an access_token,
      // and positions are stored in the database.
      const page = await http.get(`${encodeURIComponent(id)}/${listing.edge}`, { fields: listing.fields, limit: 25, after: position });
      const body = parseJsonObject(page.body, page.url);
      const data = Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [];
      const paging = (body.paging ?? {}) as { next?: unknown; cursors?: { after?: unknown } };
      // Without `paging.next` this was the last page, even when cursors are present.
      const after = typeof paging.next === 'string' && typeof paging.cursors?.after === 'string' ? paging.cursors.after : null;
      let newest: string | null = null;
      let reachedSince = false;
      for (const object of data) {
        const iso = isoOf(object[listing.timeField]);
        if (iso === null) continue;
        if (newest === null || iso > newest) newest = iso;
        if (atOrBefore(iso, since)) reachedSince = true;
      }
      return { page, next: after, newestMarker: newest, reachedSince };
    },
  };
}

export const facebookConnector = graphConnector(Platform.FACEBOOK);
export const instagramConnector = graphConnector(Platform.INSTAGRAM);
