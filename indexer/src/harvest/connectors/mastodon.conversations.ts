import { parseJsonObject } from './connector.js';
import type { ConversationReader, PageThreads, ThreadRef } from './conversation-reader.js';

type Status = Record<string, unknown>;

function statusesOf(body: string, url: string): Status[] {
  const value = JSON.parse(body) as unknown;
  if (!Array.isArray(value)) throw new Error(`${url}: expected an array of statuses`);
  return value.filter((s): s is Status => typeof s === 'object' && s !== null && !Array.isArray(s));
}

/**
 * Mastodon: `GET /api/v1/statuses/:id/context` for every status whose replies_count disagrees
 * with the archive, and once for every reply seen for the first time (the context holds what it
 * answers). Boosts are skipped: the boosted status's conversation is someone else's.
 *
 * The context leaves out the status it was asked about, and the API speaks in instance-local ids:
 * read alone, its direct replies' `in_reply_to_id` could only be guessed into a URI (wrong for a
 * remote status or an older `tag:` URI). So the page handed to the reader is the conversation as a
 * list of statuses, ancestors, the status, descendants: the reader learns every id of the list
 * before it links any, and the thread's root is the first ancestor (or the status itself). Each
 * item's raw payload is still its own status, as the API served it.
 */
export const mastodonConversations: ConversationReader = {
  threadsOn(page): PageThreads {
    const result: PageThreads = { threads: [], reported: [] };
    for (const status of statusesOf(page.body, page.url)) {
      if (status.reblog) continue;
      const id = status.id;
      const uri = status.uri ?? status.url;
      if (typeof id !== 'string' || typeof uri !== 'string') continue; // the reader quarantines it
      const thread: ThreadRef = { key: id, itemId: uri, post: status };
      if (typeof status.replies_count === 'number') {
        thread.replies = status.replies_count;
        result.reported.push({ itemId: uri, count: status.replies_count, scope: 'direct' });
      }
      if (typeof status.in_reply_to_id === 'string') thread.whenUnseen = true;
      if (thread.replies !== undefined || thread.whenUnseen) result.threads.push(thread);
    }
    return result;
  },

  async readThread(http, thread) {
    const id = encodeURIComponent(thread.key);
    const status = thread.post ?? parseJsonObject((await http.get(`api/v1/statuses/${id}`)).body, `api/v1/statuses/${id}`);
    const page = await http.get(`api/v1/statuses/${id}/context`);
    const context = parseJsonObject(page.body, page.url);
    if (!Array.isArray(context.ancestors) || !Array.isArray(context.descendants)) throw new Error(`${page.url}: not a Mastodon context (no ancestors and descendants)`);
    const conversation = [...(context.ancestors as unknown[]), status, ...(context.descendants as unknown[])];
    return { page: { ...page, body: JSON.stringify(conversation) }, next: null, more: [] };
  },
};
