import { isJsonObject, type JsonObject } from '../json.js';
import { optionalObject, optionalString } from './json-fields.js';
import { parseHead } from './json-input.js';

/**
 * What a Meta Graph API response holds, and for which platform.
 *
 * Platform rule: a page is Instagram when it came from graph.instagram.com, from an Instagram edge
 * (`/{ig-user-id}/media`, `/stories`, `/tags`), or when its objects carry Instagram-only fields:
 * `media_type` in Instagram's upper-case vocabulary (IMAGE, VIDEO, CAROUSEL_ALBUM), `media_url`,
 * `caption`, `ig_id`, `shortcode`, `media_product_type`, a `permalink` on instagram.com, or, for
 * comments, `text` with a `timestamp` (Facebook comments have `message` and `created_time`).
 * Everything with `created_time` is Facebook. The payload decides before the URL does only where
 * the URL says nothing (a `/comments` edge exists on both platforms).
 */
export type GraphPageKind = 'facebook-posts' | 'facebook-comments' | 'instagram-media' | 'instagram-comments';

/** The request a page answered, from the harvest label or the page's own paging links. */
export interface GraphRequest {
  host: string | null;
  /** The node whose edge was listed: a page, IG user, post or media id. */
  objectId: string | null;
  edge: string | null;
}

const FACEBOOK_POST_EDGES = new Set(['feed', 'posts', 'published_posts', 'visitor_posts', 'tagged', 'ads_posts']);
const INSTAGRAM_MEDIA_EDGES = new Set(['media', 'stories', 'tags', 'live_media']);
const INSTAGRAM_MEDIA_TYPES = new Set(['IMAGE', 'VIDEO', 'CAROUSEL_ALBUM']);
const INSTAGRAM_FIELDS = ['media_url', 'caption', 'ig_id', 'shortcode', 'media_product_type', 'children'];

export function graphRequestOf(page: JsonObject, label: string | null): GraphRequest {
  const paging = optionalObject(page, 'paging');
  const candidates = [
    label === null ? null : (/https?:\/\/\S+/.exec(label)?.[0] ?? null),
    paging && optionalString(paging, 'next'),
    paging && optionalString(paging, 'previous'),
  ];
  for (const candidate of candidates) {
    const request = candidate === null ? null : parseGraphUrl(candidate);
    if (request !== null) return request;
  }
  return { host: null, objectId: null, edge: null };
}

function parseGraphUrl(text: string): GraphRequest | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!/^graph\.(facebook|instagram)\.com$/.test(url.hostname)) return null;
  const parts = url.pathname.split('/').filter((part) => part !== '' && !/^v\d+\.\d+$/.test(part));
  return { host: url.hostname, objectId: parts[0] ?? null, edge: parts[1] ?? null };
}

export function classifyGraphPage(page: JsonObject, request: GraphRequest): GraphPageKind | null {
  const data = page.data;
  if (!Array.isArray(data)) return null;
  const sample = data.find(isJsonObject) ?? null;
  const byEdge = kindFromRequest(request, sample);
  if (byEdge !== null) return byEdge;
  return sample === null ? null : kindFromObject(sample);
}

function kindFromRequest(request: GraphRequest, sample: JsonObject | null): GraphPageKind | null {
  const { edge, host } = request;
  if (edge !== null && INSTAGRAM_MEDIA_EDGES.has(edge)) return 'instagram-media';
  if (edge !== null && FACEBOOK_POST_EDGES.has(edge)) return 'facebook-posts';
  if (edge === 'comments' || edge === 'replies') {
    const instagram = host === 'graph.instagram.com' || (sample !== null && isInstagramComment(sample));
    return instagram ? 'instagram-comments' : 'facebook-comments';
  }
  return null;
}

function kindFromObject(object: JsonObject): GraphPageKind | null {
  if (isInstagramMedia(object)) return 'instagram-media';
  if (isInstagramComment(object)) return 'instagram-comments';
  if (typeof object.created_time !== 'string') return null;
  return isFacebookComment(object) ? 'facebook-comments' : 'facebook-posts';
}

function isInstagramMedia(object: JsonObject): boolean {
  const mediaType = object.media_type;
  if (typeof mediaType === 'string' && INSTAGRAM_MEDIA_TYPES.has(mediaType)) return true;
  const permalink = optionalString(object, 'permalink') ?? '';
  return /^https:\/\/(www\.)?instagram\.com\//.test(permalink) || INSTAGRAM_FIELDS.some((field) => field in object);
}

function isInstagramComment(object: JsonObject): boolean {
  return typeof object.text === 'string' && typeof object.timestamp === 'string' && !('created_time' in object);
}

/** A Facebook comment, told from a post when no URL says which edge was read. */
function isFacebookComment(object: JsonObject): boolean {
  const permalink = optionalString(object, 'permalink_url') ?? '';
  if (/[?&]comment_id=/.test(permalink)) return true;
  return ['parent', 'comment_count', 'can_reply_privately', 'is_hidden', 'attachment'].some((field) => field in object);
}

// twarc2 pages also have a top-level `data` list: these keys and fields are X's, never Graph's.
const X_MARKERS = ['includes', 'meta', '__twarc', 'matching_rules'];
const X_TWEET_FIELDS = ['author_id', 'edit_history_tweet_ids', 'conversation_id'];

/** A Graph API list response (`{data: [...], paging?}`) and not an X API v2 page. */
export function isGraphPage(value: unknown): value is JsonObject {
  if (!isJsonObject(value) || !Array.isArray(value.data)) return false;
  if (X_MARKERS.some((key) => key in value)) return false;
  const sample = value.data.find(isJsonObject);
  if (sample === undefined) return isJsonObject(value.paging);
  if (X_TWEET_FIELDS.some((field) => field in sample)) return false;
  return kindFromObject(sample) !== null || kindFromRequest(graphRequestOf(value, null), sample) !== null;
}

/** `{"error": {"message", "type": "OAuthException", "code", "fbtrace_id"}}`. */
export function isGraphError(value: unknown): value is { error: JsonObject } {
  if (!isJsonObject(value)) return false;
  const error = optionalObject(value, 'error');
  if (error === null) return false;
  return typeof error.fbtrace_id === 'string' || /Exception$/.test(optionalString(error, 'type') ?? '');
}

const GRAPH_TIME = /"(created_time|timestamp)"\s*:\s*"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000"/;

/**
 * Detection on the first 64 KiB: a complete document (or first JSON line) is classified as above;
 * a longer one must open with `{"data": [` and show a Graph-style time ("+0000", which X, YouTube,
 * Mastodon and Bluesky never write) and no X markers.
 */
export function detectMetaGraph(head: string): boolean {
  const { value, start } = parseHead(head);
  if (value !== null) return isGraphPage(value) || isGraphError(value);
  if (!/^\{\s*"data"\s*:\s*\[/.test(start)) return false;
  return GRAPH_TIME.test(start) && !/"(__twarc|author_id|edit_history_tweet_ids)"\s*:/.test(start);
}
