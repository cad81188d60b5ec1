import { parseJsonObject } from './connector.js';
import type { ConversationReader, PageThreads, ThreadRef } from './conversation-reader.js';

/** Reply levels asked per getPostThread; a post with replies below that is read in a request of its own. */
export const THREAD_DEPTH = 10;
/** Ancestors asked per getPostThread: a reply's whole chain up to the root, as the AppView's default does. */
const PARENT_HEIGHT = 80;

interface PostView {
  uri?: unknown;
  author?: { did?: unknown; handle?: unknown };
  replyCount?: unknown;
}

/**
 * Bluesky: `app.bsky.feed.getPostThread?uri=…&depth=…` for every own post of the feed whose
 * replyCount disagrees with the archive. Feed entries already carry a reply's parent and root,
 * so a reply's ancestors need no request of their own. A thread node with replies the response
 * does not include (it lies at the depth limit) becomes a thread of its own.
 */
export const blueskyConversations: ConversationReader = {
  threadsOn(page, actor): PageThreads {
    const result: PageThreads = { threads: [], reported: [] };
    const feed = parseJsonObject(page.body, page.url).feed;
    for (const entry of Array.isArray(feed) ? (feed as Array<{ post?: PostView; reason?: { $type?: unknown } }>) : []) {
      // A repost's post is someone else's; a pinned post is the account's own.
      if (entry.reason?.$type === 'app.bsky.feed.defs#reasonRepost') continue;
      const post = entry.post;
      if (typeof post?.uri !== 'string' || typeof post.replyCount !== 'number') continue;
      if (post.author?.did !== actor && post.author?.handle !== actor) continue;
      result.threads.push({ key: post.uri, itemId: post.uri, replies: post.replyCount });
      result.reported.push({ itemId: post.uri, count: post.replyCount, scope: 'direct' });
    }
    return result;
  },

  async readThread(http, thread) {
    const page = await http.get('xrpc/app.bsky.feed.getPostThread', { uri: thread.key, depth: THREAD_DEPTH, parentHeight: PARENT_HEIGHT });
    const root = parseJsonObject(page.body, page.url).thread;
    const more: ThreadRef[] = [];
    collectCut(root, true, more);
    return { page, next: null, more };
  },
};

/** Nodes below the asked depth have replies (replyCount) but no `replies` list. */
function collectCut(node: unknown, isRoot: boolean, into: ThreadRef[]): void {
  if (typeof node !== 'object' || node === null) return;
  const { post, replies } = node as { post?: PostView; replies?: unknown };
  if (Array.isArray(replies)) {
    for (const reply of replies as unknown[]) collectCut(reply, false, into);
    return;
  }
  if (!isRoot && typeof post?.uri === 'string' && typeof post.replyCount === 'number' && post.replyCount > 0) {
    into.push({ key: post.uri, itemId: post.uri, cut: true });
  }
}
