import { isJsonObject, type JsonObject } from '../json.js';

/** What one JSON line of a twarc2 file holds. */
export type Twarc2LineKind = 'page' | 'flat-tweet' | 'compliance';

/**
 * - page: an API v2 response, `{data: [...] | {...}, includes?, meta?, errors?, __twarc?}`; a page
 *   with only `errors` (every requested tweet gone) is a page too, and so is an empty answer
 *   (`{meta: {result_count: 0}}`).
 * - flat-tweet: a v2 tweet object on its own (`twarc2 flatten`). v2 markers are required so that
 *   API v1.1 tweets (`id_str`, `user`, `full_text`) are not mistaken for one.
 * - compliance: a batch compliance result line.
 */
export function classifyTwarc2Object(object: JsonObject): Twarc2LineKind | null {
  if ('data' in object && (Array.isArray(object.data) || isJsonObject(object.data))) return 'page';
  if (!('data' in object) && Array.isArray(object.errors) && !('id' in object)) return 'page';
  // An answer with nothing in it (a timeline with no newer tweets, a search without hits): the API
  // leaves `data` out and says `result_count: 0`.
  if (!('data' in object) && isJsonObject(object.meta) && object.meta.result_count === 0 && !('id' in object))
    return 'page';
  const hasId = typeof object.id === 'string' || typeof object.id === 'number';
  if (hasId && typeof object.text === 'string' && !('id_str' in object) && !('user' in object)) {
    const v2Marker = 'author_id' in object || 'edit_history_tweet_ids' in object || '__twarc' in object;
    if (v2Marker) return 'flat-tweet';
  }
  if (hasId && typeof object.action === 'string' && !('text' in object)) return 'compliance';
  return null;
}

/**
 * Whether a file's first 64 KiB look like twarc2 output. The first line may be incomplete: a page
 * of 100 tweets is often several hundred KiB. Then the start is matched instead: twarc2 writes the
 * API's key order, `data` (or `errors`) first; a flattened tweet shows an inlined `author` object
 * next to `author_id`.
 */
export function detectTwarc2(head: string): boolean {
  const firstLine = firstNonBlankLine(head);
  if (firstLine === null) return false;
  const parsed = tryParse(firstLine.text);
  if (isJsonObject(parsed)) return classifyTwarc2Object(parsed) !== null;
  if (firstLine.complete) return false;
  const start = firstLine.text;
  if (/^\{\s*"(data|errors)"\s*:\s*[[{]/.test(start)) return true;
  return /^\{/.test(start) && /"author_id"\s*:\s*"\d+"/.test(start) && /"author"\s*:\s*\{/.test(start);
}

/** The first line with content; `complete` is false when the head ends inside it. */
export function firstNonBlankLine(head: string): { text: string; complete: boolean } | null {
  let start = 0;
  while (start < head.length) {
    const end = head.indexOf('\n', start);
    const text = (end === -1 ? head.slice(start) : head.slice(start, end)).trim();
    if (text !== '') return { text, complete: end !== -1 };
    if (end === -1) break;
    start = end + 1;
  }
  return null;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
