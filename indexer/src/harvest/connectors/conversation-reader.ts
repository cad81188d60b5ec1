import type { FetchedPage, HttpClient } from '../http/http-client.js';

/**
 * The conversation around an account's posts: what a connector reads beyond its timeline (a
 * Mastodon status's context, a Bluesky post thread, the comment pages a Meta post inlines only
 * the first of, an X conversation found by recent search). The harvest decides which threads to
 * read (see conversations/thread-reading.ts); a connector only says what a page shows and how to
 * fetch a thread.
 */

/** One conversation that may need reading. Kept in the cursor (without `post`) when it failed. */
export interface ThreadRef {
  /** What the connector asks the API for; unique per thread, so it is also the thread's key. */
  key: string;
  /** The archive's id (platformItemId) of the post or comment the thread hangs from. */
  itemId: string;
  /**
   * Direct replies the platform reports: the thread is read when the archive holds a different
   * number (and a previous read did not already settle at this count).
   */
  replies?: number;
  /** Read when the archive does not hold the item yet: a reply seen for the first time, for what it answers. */
  whenUnseen?: boolean;
  /** The page shows the reply list goes on (a `paging.next`, a post past the thread depth): always read. */
  cut?: boolean;
  /**
   * The post as the page served it, for connectors whose thread response leaves it out (Mastodon).
   * Only in memory: a thread retried from the cursor has none, and the connector fetches the post.
   */
  post?: unknown;
}

/** What the platform says about a post's replies, for the completeness report. */
export interface ReportedReplies {
  itemId: string;
  count: number;
  /** `direct`: replies to the post itself; `conversation`: every comment under it, replies to comments included. */
  scope: 'direct' | 'conversation';
}

/** What one timeline page shows of its posts' conversations. */
export interface PageThreads {
  threads: ThreadRef[];
  reported: ReportedReplies[];
}

export interface ThreadPage {
  /** The response to write, read by the connector's source like a timeline page. */
  page: FetchedPage;
  /** Position of the thread's next page; null when this was the last. */
  next: string | null;
  /** Threads this page shows to be cut short (replies to comments, posts past the depth): read after it. */
  more: ThreadRef[];
}

export interface ConversationReader {
  /**
   * The threads on a timeline page of the account (`apiAccountId` as its profile gave it); `now`
   * (ms, the harvest clock's) for APIs that reach only recent posts' conversations (X's recent search).
   */
  threadsOn(page: FetchedPage, apiAccountId: string, now: number): PageThreads;
  /** One page of a thread; position null is its first. */
  readThread(http: HttpClient, thread: ThreadRef, position: string | null): Promise<ThreadPage>;
}
