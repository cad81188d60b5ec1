import { basename } from 'node:path';
import { isJsonObject } from '../json.js';
import { parseHead } from './json-input.js';

/**
 * Which "Download Your Information" file a JSON value is. Meta documents no schema; these shapes
 * are the ones exports have used since 2019 (key names kept, `_v2` suffixes added over time):
 *
 * - facebook-posts: `posts/your_posts_1.json` (also `your_posts__check_ins__photos_and_videos_1.json`),
 *   a list of `{timestamp, data: [{post}, {update_timestamp}], attachments, title}`.
 * - facebook-comments: `comments/comments.json` (`comments_and_reactions/comments.json`),
 *   `{"comments_v2": [...]}` (older: `"comments"`), entries `{timestamp, data: [{comment: {...}}], title}`.
 * - instagram-posts: `content/posts_1.json`, a list of `{media: [{uri, creation_timestamp, title}],
 *   title?, creation_timestamp?}`; reels: `{"ig_reels_media": [same shape]}`.
 */
export type DyiKind = 'facebook-posts' | 'facebook-comments' | 'instagram-posts' | 'instagram-reels';

export function classifyDyi(value: unknown): { kind: DyiKind; entries: unknown[] } | null {
  if (Array.isArray(value)) {
    const first = value.find(isJsonObject);
    if (first === undefined) return null;
    if (Array.isArray(first.media) && !('id' in first)) return { kind: 'instagram-posts', entries: value };
    const postLike = 'data' in first || 'attachments' in first || 'title' in first;
    if (typeof first.timestamp === 'number' && postLike && !('id' in first)) return { kind: 'facebook-posts', entries: value };
    return null;
  }
  if (!isJsonObject(value)) return null;
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const [key] = keys;
  const entries = key === undefined ? undefined : value[key];
  if (!Array.isArray(entries)) return null;
  if (key === 'comments_v2' || key === 'comments') {
    const first = entries.find(isJsonObject);
    return first === undefined || typeof first.timestamp === 'number' ? { kind: 'facebook-comments', entries } : null;
  }
  if (key === 'ig_reels_media') return { kind: 'instagram-reels', entries };
  return null;
}

/** File names under which an empty list is still a DYI file (an account that never posted). */
const EMPTY_LIST_NAMES = /^(your_posts.*_\d+|posts_\d+)\.json$/;

/**
 * Detection on the first 64 KiB: a complete document is classified as above; a longer one must
 * open the way these exports do (`[{"timestamp": <epoch>,`, `[{"media": [{"uri":`,
 * `{"comments_v2": [{"timestamp": <epoch>`). Other JSON lists (Mastodon statuses, X v1.1 tweets)
 * start with an id or a date string instead.
 */
export function detectDyi(file: string, head: string): boolean {
  const { value, start } = parseHead(head);
  if (value !== null) {
    if (Array.isArray(value) && value.length === 0) return EMPTY_LIST_NAMES.test(basename(file));
    return classifyDyi(value) !== null;
  }
  return (
    /^\[\s*\{\s*"timestamp"\s*:\s*\d{9,11}\s*,/.test(start) ||
    /^\[\s*\{\s*"media"\s*:\s*\[\s*\{\s*"uri"\s*:/.test(start) ||
    /^\{\s*"comments(_v2)?"\s*:\s*\[\s*\{\s*"timestamp"\s*:\s*\d/.test(start) ||
    /^\{\s*"ig_reels_media"\s*:\s*\[\s*\{\s*"media"\s*:/.test(start)
  );
}
