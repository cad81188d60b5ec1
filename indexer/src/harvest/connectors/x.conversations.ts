import { parseJsonObject } from './connector.js';
import type { ConversationReader, PageThreads, ThreadRef } from './conversation-reader.js';
import { TWEET_FIELDS, X_PAGE_SIZE } from './x.fields.js';

/** How far back recent search reaches: tweets of the last seven days. */
export const RECENT_SEARCH_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

interface Tweet {
  id?: unknown;
  created_at?: unknown;
  conversation_id?: unknown;
  in_reply_to_user_id?: unknown;
  edit_history_tweet_ids?: unknown;
  referenced_tweets?: unknown;
  public_metrics?: { reply_count?: unknown };
}

function referenceTypes(tweet: Tweet): string[] {
  if (!Array.isArray(tweet.referenced_tweets)) return [];
  return (tweet.referenced_tweets as Array<{ type?: unknown } | null>).flatMap((r) =>
    typeof r?.type === 'string' ? [r.type] : [],
  );
}

/**
 * X API v2: a conversation is read with recent search, `GET /2/tweets/search/recent` with
 * `query=conversation_id:<id>`, page by page by `meta.next_token`; the pages carry the timeline's
 * fields and expansions, so the twarc2 reader reads them like timeline pages (data + includes).
 *
 * A conversation is read for a tweet whose `reply_count` disagrees with the archive, and once for
 * the account's reply to another user seen for the first time (the conversation it joins is
 * usually someone else's, whose root is not on the timeline). Retweets are skipped: the retweeted
 * tweet's conversation is someone else's. The thread's key is the conversation, so one search
 * serves every tweet of the account in it.
 *
 * Recent search only reaches the last seven days: a conversation is read only for tweets posted
 * inside that window. Older tweets are still reported, so their replies show in the completeness
 * report as reported but not archived; reading them would need full-archive search
 * (`/2/tweets/search/all`), which this reader does not use. A failed read retried in a later run is
 * tried even when the tweet has left the window by then: it gets what the window still holds.
 */
export const xConversations: ConversationReader = {
  threadsOn(page, apiAccountId, now): PageThreads {
    const result: PageThreads = { threads: [], reported: [] };
    const data = parseJsonObject(page.body, page.url).data;
    for (const tweet of Array.isArray(data) ? (data as Array<Tweet | null>) : []) {
      if (typeof tweet?.id !== 'string') continue; // the reader quarantines it
      const references = referenceTypes(tweet);
      if (references.includes('retweeted')) continue;
      // The archive keys an edited tweet by the first id of its edit chain (as the twarc2 reader does).
      const chain = tweet.edit_history_tweet_ids;
      const itemId = Array.isArray(chain) && typeof chain[0] === 'string' ? chain[0] : tweet.id;
      const replies = tweet.public_metrics?.reply_count;
      if (typeof replies === 'number') result.reported.push({ itemId, count: replies, scope: 'direct' });

      const created = typeof tweet.created_at === 'string' ? Date.parse(tweet.created_at) : NaN;
      if (!(created > now - RECENT_SEARCH_WINDOW_MS)) continue; // outside recent search (or undated): reported only
      const key = typeof tweet.conversation_id === 'string' ? tweet.conversation_id : tweet.id;
      const thread: ThreadRef = { key, itemId };
      if (typeof replies === 'number') thread.replies = replies;
      const answersOther = references.includes('replied_to') && tweet.in_reply_to_user_id !== apiAccountId;
      if (answersOther) thread.whenUnseen = true;
      if (thread.replies !== undefined || thread.whenUnseen) result.threads.push(thread);
    }
    return result;
  },

  async readThread(http, thread, position) {
    // The key lands in a search query: only an id, never search syntax from a response.
    if (!/^\d{1,20}$/.test(thread.key))
      throw new Error(`conversation id ${JSON.stringify(thread.key)} is not an X id`);
    const page = await http.get('2/tweets/search/recent', {
      query: `conversation_id:${thread.key}`,
      ...TWEET_FIELDS,
      max_results: X_PAGE_SIZE,
      next_token: position,
    });
    const meta = parseJsonObject(page.body, page.url).meta as { next_token?: unknown } | undefined;
    return { page, next: typeof meta?.next_token === 'string' ? meta.next_token : null, more: [] };
  },
};
