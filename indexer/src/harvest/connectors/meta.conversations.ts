import { commentPermalinkIds } from '../../sources/meta/graph.facebook.js';
import { parseJsonObject } from './connector.js';
import type { ConversationReader, PageThreads, ThreadRef } from './conversation-reader.js';
import { COMMENT_PAGE_FIELDS, COMMENT_PAGE_SIZE } from './meta.fields.js';

type GraphObject = Record<string, unknown>;
type GraphPlatform = 'facebook' | 'instagram';
type CommentEdge = 'comments' | 'replies';

interface Listing {
  data: GraphObject[];
  /** The `after` cursor of the next page; null when the list is complete. */
  after: string | null;
}

/** An inline or fetched list: without `paging.next` it is the last page, even when cursors are present. */
function listingOf(value: unknown): Listing | null {
  if (typeof value !== 'object' || value === null) return null;
  const { data, paging } = value as { data?: unknown; paging?: { next?: unknown; cursors?: { after?: unknown } } };
  const after = typeof paging?.next === 'string' && typeof paging.cursors?.after === 'string' ? paging.cursors.after : null;
  return { data: Array.isArray(data) ? (data as GraphObject[]).filter((o) => typeof o === 'object' && o !== null) : [], after };
}

/** Whose list a thread is: a post's comments (which inline replies) or a comment's replies. */
type Level = 'post' | 'comment';

/** The key names the list and where its unread part starts: `<level>:<id>/<edge>#after=<cursor>`. */
function threadKey(level: Level, id: string, edge: CommentEdge, after: string): string {
  return `${level}:${id}/${edge}#after=${after}`;
}

function parseKey(key: string): { level: Level; id: string; edge: CommentEdge; after: string } {
  const m = /^(post|comment):([^/#]+)\/(comments|replies)#after=(.*)$/s.exec(key);
  if (!m) throw new Error(`not a Graph comment thread: ${key}`);
  return { level: m[1] as Level, id: m[2]!, edge: m[3] as CommentEdge, after: m[4]! };
}

/** A comment's node id; without the MODERATE task Facebook leaves `id` out and the permalink names it. */
function commentId(comment: GraphObject): string | null {
  if (typeof comment.id === 'string') return comment.id;
  return typeof comment.permalink_url === 'string' ? (commentPermalinkIds(comment.permalink_url)?.commentId ?? null) : null;
}

/**
 * Meta Graph: a post inlines its first 100 comments and each comment its first 100 replies;
 * where an inline list has `paging.next`, the rest is read from `/{object-id}/comments` (Facebook
 * posts and comments; Instagram media) or `/{comment-id}/replies` (Instagram), page by page by the
 * `after` cursor until the list has no next page. The pages of a post's comments inline replies
 * in turn, and those lists may be cut too. Facebook's reported count is the post's top-level
 * comments (`summary.total_count`); Instagram's is every comment, replies included (`comments_count`).
 */
export function metaConversations(platform: GraphPlatform): ConversationReader {
  const replyEdge: CommentEdge = platform === 'facebook' ? 'comments' : 'replies';

  /** Threads for the comments in `comments` whose replies go on beyond their first page. */
  const cutReplies = (comments: GraphObject[], into: ThreadRef[]): void => {
    for (const comment of comments) {
      const replies = listingOf(comment[replyEdge]);
      const id = commentId(comment);
      if (replies?.after && id !== null) into.push({ key: threadKey('comment', id, replyEdge, replies.after), itemId: id, cut: true });
    }
  };

  return {
    threadsOn(page): PageThreads {
      const result: PageThreads = { threads: [], reported: [] };
      for (const post of listingOf(parseJsonObject(page.body, page.url))?.data ?? []) {
        if (typeof post.id !== 'string') continue;
        const comments = listingOf(post.comments);
        if (comments?.after) result.threads.push({ key: threadKey('post', post.id, 'comments', comments.after), itemId: post.id, cut: true });
        cutReplies(comments?.data ?? [], result.threads);
        const total = platform === 'facebook' ? (post.comments as { summary?: { total_count?: unknown } } | undefined)?.summary?.total_count : post.comments_count;
        if (typeof total === 'number') result.reported.push({ itemId: post.id, count: total, scope: platform === 'facebook' ? 'direct' : 'conversation' });
      }
      return result;
    },

    async readThread(http, thread, position) {
      const { level, id, edge, after } = parseKey(thread.key);
      const fields = COMMENT_PAGE_FIELDS[platform][level === 'post' ? 'comments' : 'replies'];
      const page = await http.get(`${encodeURIComponent(id)}/${edge}`, { fields, limit: COMMENT_PAGE_SIZE, after: position ?? after });
      const listing = listingOf(parseJsonObject(page.body, page.url));
      const more: ThreadRef[] = [];
      // A post's comment pages inline each comment's first replies, which may be cut in turn.
      if (level === 'post') cutReplies(listing?.data ?? [], more);
      return { page, next: listing?.after ?? null, more };
    },
  };
}
