import { isJsonObject, type JsonObject } from '../json.js';
import { parseHead } from '../meta/json-input.js';

/**
 * Finding things in a TikTok "Download your data" JSON export (`user_data.json`, since 2024
 * `user_data_tiktok.json`). TikTok renames and re-capitalises sections between export versions
 * ("Activity" → "Your Activity", "Video"/"Videos" → "Post"/"Posts", "Date" → "date"), so keys
 * are matched ignoring case and spaces, and each list is looked for under every known path.
 */

export interface FoundSection {
  /** The keys as written in this export, e.g. "Post.Posts.VideoList". */
  path: string;
  /** The list, or null/undefined when the export says there is none (accounts without posts). */
  value: unknown;
}

const normalise = (key: string): string => key.toLowerCase().replace(/[\s_]/g, '');

/** The value under a key, matched ignoring case and spaces; null when absent. */
export function field(object: JsonObject, ...names: string[]): { key: string; value: unknown } | null {
  const wanted = new Set(names.map(normalise));
  for (const [key, value] of Object.entries(object)) if (wanted.has(normalise(key))) return { key, value };
  return null;
}

export function stringField(object: JsonObject, ...names: string[]): string | null {
  const found = field(object, ...names);
  return found !== null && typeof found.value === 'string' ? found.value : null;
}

/** The first of the candidate paths present in the export (its end value may be null). */
function findSection(root: JsonObject, candidates: string[][]): FoundSection | null {
  for (const candidate of candidates) {
    let node: unknown = root;
    const keys: string[] = [];
    for (const name of candidate) {
      const found = isJsonObject(node) ? field(node, name) : null;
      if (found === null) {
        node = undefined;
        break;
      }
      keys.push(found.key);
      node = found.value;
    }
    if (keys.length === candidate.length) return { path: keys.join('.'), value: node };
  }
  return null;
}

/** Videos the account posted: `Post.Posts.VideoList` (2024+) or `Video.Videos.VideoList`. */
export function findPostedVideos(root: JsonObject): FoundSection | null {
  return findSection(root, [
    ['Post', 'Posts', 'VideoList'],
    ['Video', 'Videos', 'VideoList'],
    ['Videos', 'Videos', 'VideoList'],
  ]);
}

/** Comments the account wrote: `Comment.Comments.CommentsList`, in some versions one level less deep. */
export function findComments(root: JsonObject): FoundSection | null {
  return findSection(root, [
    ['Comment', 'Comments', 'CommentsList'],
    ['Comment', 'CommentsList'],
    ['Comments', 'Comments', 'CommentsList'],
    ['Your Activity', 'Comments', 'CommentsList'],
    ['Activity', 'Comments', 'CommentsList'],
  ]);
}

/** The account's username, from `Profile.Profile Info(rmation).ProfileMap.userName`. */
export function exportOwnerHandle(root: JsonObject): string | null {
  const profile = findSection(root, [
    ['Profile', 'Profile Info', 'ProfileMap'],
    ['Profile', 'Profile Information', 'ProfileMap'],
    ['Profile And Settings', 'Profile Info', 'ProfileMap'],
  ]);
  return profile !== null && isJsonObject(profile.value) ? stringField(profile.value, 'userName') : null;
}

const TOP_SECTIONS = new Set(
  ['Activity', 'Your Activity', 'Ads and data', 'App Settings', 'Comment', 'Direct Message', 'Direct Messages', 'Income+ Wallet',
    'Likes and Favorites', 'Location Review', 'Post', 'Profile', 'Profile And Settings', 'Tiktok Live', 'TikTok Shop', 'Tiktok Shopping', 'Video'].map(normalise),
);
const MARKERS = /"(VideoList|ProfileMap|CommentsList|FansList|ItemFavoriteList|LoginHistoryList|SearchList|ShareHistoryList|ChatHistory|SettingsMap|FavoriteVideoList|BlockList)"\s*:/i;

/** An export object: TikTok's top-level section names, and a posts, comments or profile section. */
export function isTiktokExport(value: unknown): value is JsonObject {
  if (!isJsonObject(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.some((key) => TOP_SECTIONS.has(normalise(key)))) return false;
  return findPostedVideos(value) !== null || findComments(value) !== null || exportOwnerHandle(value) !== null;
}

/**
 * Detection: a complete export is checked as above; the usual multi-megabyte one must open with a
 * TikTok section name and show one of TikTok's list names within the first 64 KiB.
 */
export function detectTiktok(head: string): boolean {
  const { value, start } = parseHead(head);
  if (value !== null) return isTiktokExport(value);
  const first = /^\{\s*"([^"]{1,40})"\s*:\s*\{/.exec(start)?.[1];
  return first !== undefined && TOP_SECTIONS.has(normalise(first)) && MARKERS.test(start);
}
