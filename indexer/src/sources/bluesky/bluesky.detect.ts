import { parseJson, withoutBom } from '../mastodon/payload-reader.js';
import { isJsonObject } from '../json.js';
import { classifyBlueskyPayload, isPostView } from './bluesky.payload.js';

/**
 * Whether the first 64 KiB of a file look like an AppView (app.bsky.*) response: a JSON document
 * or JSON Lines that classifyBlueskyPayload recognises, or, when the head is cut inside a large
 * page, one that starts like a feed/thread/post list and names a post by its AT URI.
 */
export function detectBlueskyApi(head: string): boolean {
  const text = withoutBom(head).trim();
  if (text === '') return false;
  const newline = text.indexOf('\n');
  const firstLine = (newline === -1 ? text : text.slice(0, newline)).trim();
  for (const candidate of [text, firstLine]) {
    const parsed = parseJson(candidate);
    if (!parsed.ok) continue;
    // An empty array says nothing about where it came from.
    if (Array.isArray(parsed.value) && parsed.value.length === 0) return false;
    return showsBlueskyPost(parsed.value);
  }
  if (!/^[[{]/.test(text)) return false;
  const postUri = /"at:\/\/did:[a-z0-9]+:[^"/]+\/app\.bsky\.feed\.post\/[^"]+"/.test(text);
  const shape = /^\{\s*"(feed|thread|posts)"\s*:/.test(text) || /"record"\s*:\s*\{/.test(text);
  return postUri && shape;
}

/**
 * Reading is lenient (a bad entry is quarantined on its own); detection is not: `{feed: [...]}`
 * is a common shape, so the first entry must really be a post view (an empty page says nothing).
 */
function showsBlueskyPost(value: unknown): boolean {
  const first = (list: unknown): unknown => (Array.isArray(list) ? list[0] : undefined);
  switch (classifyBlueskyPayload(value)) {
    case 'feed': {
      const entry = first((value as { feed: unknown }).feed);
      return isJsonObject(entry) && isPostView(entry.post);
    }
    case 'posts': {
      const entry: unknown = Array.isArray(value) ? (value as unknown[])[0] : first((value as { posts: unknown }).posts);
      return isPostView(entry) || (isJsonObject(entry) && isPostView(entry.post));
    }
    case 'thread': {
      const thread = (value as { thread: unknown }).thread;
      return isJsonObject(thread) && (isPostView(thread.post) || String(thread.$type).startsWith('app.bsky.feed.defs#'));
    }
    case 'post':
      return true;
    case null:
      return false;
  }
}
