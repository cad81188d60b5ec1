import { Platform } from '@bewaard/schema';
import { blueskyApiSource } from '../../sources/index.js';
import { blueskyPolicy } from '../http/rate-limit.js';
import { atOrBefore, parseJsonObject, type Connector } from './connector.js';
import { blueskyConversations } from './bluesky.conversations.js';

interface FeedEntry {
  post?: { indexedAt?: unknown };
  reason?: { $type?: unknown; indexedAt?: unknown };
}

/**
 * Bluesky: `app.bsky.feed.getAuthorFeed`, paged by `cursor`. The API has no "since": we stop on
 * the page that reaches the newest time of the last complete run (that page is written again,
 * which stores nothing new). A repost's time is the repost's, not the post's.
 */
export const blueskyConnector: Connector = {
  platform: Platform.BLUESKY,
  source: blueskyApiSource,
  rateLimit: blueskyPolicy,
  conversations: blueskyConversations,
  async profile(http, account) {
    const actor = account.apiAccountId ?? account.platformAccountId;
    const page = await http.get('xrpc/app.bsky.actor.getProfile', { actor });
    const body = parseJsonObject(page.body, page.url);
    return { apiAccountId: actor, platformCount: typeof body.postsCount === 'number' ? body.postsCount : null };
  },
  async fetchPage(http, actor, position, since) {
    const page = await http.get('xrpc/app.bsky.feed.getAuthorFeed', { actor, limit: 100, cursor: position });
    const body = parseJsonObject(page.body, page.url);
    const feed = (Array.isArray(body.feed) ? body.feed : []) as FeedEntry[];
    // A pinned post sits on top whatever its age: it says nothing about where the timeline stands.
    const times = feed.filter((e) => e.reason?.$type !== 'app.bsky.feed.defs#reasonPin').map((e) => e.reason?.indexedAt ?? e.post?.indexedAt);
    const first = times.find((t): t is string => typeof t === 'string') ?? null;
    return {
      page,
      next: feed.length > 0 && typeof body.cursor === 'string' ? body.cursor : null,
      newestMarker: first,
      reachedSince: times.some((t) => atOrBefore(t, since)),
    };
  },
};
