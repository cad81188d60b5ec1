import { isJsonObject, type JsonObject } from '../json.js';
import { optionalArray, optionalObject, optionalString } from '../meta/json-fields.js';
import { parseHead } from '../meta/json-input.js';

/** Which YouTube Data API v3 list response a JSON value is. */
export type YoutubeResponseKind = 'videos' | 'comment-threads' | 'comments';

const BY_RESPONSE_KIND: Record<string, YoutubeResponseKind> = {
  'youtube#videoListResponse': 'videos',
  'youtube#commentThreadListResponse': 'comment-threads',
  'youtube#commentListResponse': 'comments',
};
const BY_ITEM_KIND: Record<string, YoutubeResponseKind> = {
  'youtube#video': 'videos',
  'youtube#commentThread': 'comment-threads',
  'youtube#comment': 'comments',
};

/**
 * By the response's `kind`; a harvester that dropped it is still understood by the `kind` of the
 * items (every API resource carries one).
 */
export function classifyYoutubeResponse(value: unknown): YoutubeResponseKind | null {
  if (!isJsonObject(value) || !Array.isArray(value.items)) return null;
  const byResponse = BY_RESPONSE_KIND[optionalString(value, 'kind') ?? ''];
  if (byResponse !== undefined) return byResponse;
  if (value.kind !== undefined) return null;
  const first = value.items.find(isJsonObject);
  return first === undefined ? null : (BY_ITEM_KIND[optionalString(first, 'kind') ?? ''] ?? null);
}

/** A Google API error whose `errors[].domain` is YouTube's (`youtube.quota`, `youtube.commentThread`…). */
export function isYoutubeError(value: unknown): value is { error: JsonObject } {
  if (!isJsonObject(value)) return false;
  const error = optionalObject(value, 'error');
  if (error === null) return false;
  return optionalArray(error, 'errors').some((entry) => isJsonObject(entry) && /^youtube/.test(optionalString(entry, 'domain') ?? ''));
}

/**
 * Detection: a complete document (or first JSON line) is classified as above; a longer one must
 * name one of the three list kinds in its opening (the API writes `kind` first).
 */
export function detectYoutube(head: string): boolean {
  const { value, start } = parseHead(head);
  if (value !== null) return classifyYoutubeResponse(value) !== null || isYoutubeError(value);
  return /^\{\s*"kind"\s*:\s*"youtube#(videoListResponse|commentThreadListResponse|commentListResponse)"/.test(start);
}
