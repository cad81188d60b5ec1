import type { NormalisedItem } from '@bewaard/schema';
import { describeKeys, isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import { InvalidBlueskyRecordError, optionalObject, typeOf } from './bluesky.fields.js';
import { normalisePostView, repostItem } from './bluesky.post.js';
import { isPostUri } from './bluesky.uri.js';

/** What one AppView JSON value is. */
export type BlueskyPayloadKind = 'feed' | 'thread' | 'posts' | 'post';

/** A post view: an AT URI of a post, an author, a record. */
export function isPostView(value: unknown): value is JsonObject {
  return (
    isJsonObject(value) &&
    typeof value.uri === 'string' &&
    isPostUri(value.uri) &&
    isJsonObject(value.author) &&
    isJsonObject(value.record)
  );
}

/**
 * feed: getAuthorFeed/getTimeline/getFeed pages `{feed: [{post, reply?, reason?}], cursor}`;
 * thread: getPostThread `{thread}`; posts: getPosts/searchPosts `{posts: [...]}` or a bare array of
 * post views or feed entries; post: one post view.
 */
export function classifyBlueskyPayload(value: unknown): BlueskyPayloadKind | null {
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return value.length === 0 || isPostView(first) || (isJsonObject(first) && isPostView(first.post)) ? 'posts' : null;
  }
  if (!isJsonObject(value)) return null;
  if (Array.isArray(value.feed)) return 'feed';
  if (isJsonObject(value.thread)) return 'thread';
  if (Array.isArray(value.posts)) return 'posts';
  return isPostView(value) ? 'post' : null;
}

/** Deepest thread walked; a deeper one is hostile or broken, and is cut there with a quarantine record. */
const MAX_THREAD_DEPTH = 1000;

/** Records of one payload; each post once, however often it appears (feed, reply context, quote). */
export function blueskyPayloadRecords(value: unknown): RecordBody[] {
  const collector = new PostCollector();
  switch (classifyBlueskyPayload(value)) {
    case 'feed':
      ((value as JsonObject).feed as unknown[]).forEach((entry, index) => collector.entry(entry, `feed[${index}]`));
      break;
    case 'posts': {
      const list = Array.isArray(value) ? value : ((value as JsonObject).posts as unknown[]);
      const path = Array.isArray(value) ? '' : 'posts';
      list.forEach((entry, index) => {
        if (isJsonObject(entry) && 'post' in entry) collector.entry(entry, `${path}[${index}]`);
        else collector.post(entry, `${path}[${index}]`);
      });
      break;
    }
    case 'thread':
      collector.thread((value as JsonObject).thread, 'thread', 0);
      break;
    case 'post':
      collector.post(value, 'post');
      break;
    case null:
      collector.records.push(
        quarantine(
          isJsonObject(value)
            ? `JSON object with keys ${describeKeys(value)} is not a Bluesky feed, thread, post list or post view`
            : `JSON ${Array.isArray(value) ? 'array whose first element is not a post view' : typeof value} is not a Bluesky API payload`,
          safeStringify(value),
        ),
      );
  }
  return collector.records;
}

class PostCollector {
  readonly records: RecordBody[] = [];
  private readonly seen = new Set<string>();

  /** A feed entry: the post; a repost by `reason.by`; the reply's root and parent (the conversation). */
  entry(entry: unknown, where: string): void {
    if (!isJsonObject(entry)) {
      this.records.push(quarantine(`${where} is not a JSON object`, safeStringify(entry)));
      return;
    }
    const post = this.post(entry.post, `${where}.post`);
    const reason = optionalObject(entry, 'reason');
    if (typeOf(reason) === 'app.bsky.feed.defs#reasonRepost') {
      if (post === null)
        this.records.push(quarantine(`${where} is a repost of a post that could not be read`, safeStringify(reason)));
      else this.attempt(entry, () => repostItem(entry, post, `${where}.reason`));
    }
    const reply = optionalObject(entry, 'reply');
    // Reply context may be a #notFoundPost or #blockedPost: the reply's record keeps the link.
    for (const key of ['root', 'parent'] as const)
      if (isPostView(reply?.[key])) this.post(reply[key], `${where}.reply.${key}`);
  }

  /** getPostThread: ancestors (root first), the post, then its replies, depth first. */
  thread(node: unknown, where: string, depth: number): void {
    if (depth > MAX_THREAD_DEPTH) {
      this.records.push(quarantine(`${where}: thread deeper than ${MAX_THREAD_DEPTH} levels; not read further`, ''));
      return;
    }
    const type = typeOf(node);
    // Deleted or blocked posts in a thread are placeholders: no content, the link survives in the child.
    if (type === 'app.bsky.feed.defs#notFoundPost' || type === 'app.bsky.feed.defs#blockedPost') return;
    if (!isJsonObject(node) || !isJsonObject(node.post)) {
      this.records.push(quarantine(`${where} is not a thread view post (type ${type ?? 'none'})`, safeStringify(node)));
      return;
    }
    if (node.parent !== undefined) this.thread(node.parent, `${where}.parent`, depth + 1);
    this.post(node.post, `${where}.post`);
    if (Array.isArray(node.replies))
      node.replies.forEach((reply, index) => this.thread(reply, `${where}.replies[${index}]`, depth + 1));
  }

  /** The post's item (also when already emitted), or null when it cannot be read. */
  post(view: unknown, where: string): NormalisedItem | null {
    if (!isJsonObject(view)) {
      this.records.push(quarantine(`${where} is not a JSON object`, safeStringify(view)));
      return null;
    }
    let result: ReturnType<typeof normalisePostView>;
    try {
      result = normalisePostView(view, where);
    } catch (error) {
      if (!(error instanceof InvalidBlueskyRecordError)) throw error;
      this.records.push(quarantine(error.message, safeStringify(view)));
      return null;
    }
    const { item, quotedView } = result;
    if (!this.seen.has(item.platformItemId)) {
      this.seen.add(item.platformItemId);
      this.records.push({ kind: 'item', item });
      if (quotedView !== null) this.post(quotedView, `${where}.embed.record`);
    }
    return item;
  }

  private attempt(evidence: unknown, normalise: () => NormalisedItem): void {
    try {
      const item = normalise();
      if (this.seen.has(item.platformItemId)) return;
      this.seen.add(item.platformItemId);
      this.records.push({ kind: 'item', item });
    } catch (error) {
      if (!(error instanceof InvalidBlueskyRecordError)) throw error;
      this.records.push(quarantine(error.message, safeStringify(evidence)));
    }
  }
}
