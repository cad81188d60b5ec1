import { Platform } from '@bewaard/schema';
import { incompleteReplyThreads, youtubeDataApiSource } from '../../sources/index.js';
import type { SourceRecord } from '../../sources/source.js';
import { HttpError, type FetchedPage, type HttpClient } from '../http/http-client.js';
import { noPolicy } from '../http/rate-limit.js';
import { atOrBefore, parseJsonObject, type Connector, type ConnectorPage } from './connector.js';

/**
 * YouTube Data API v3. A channel's videos are its uploads playlist (channels.list →
 * contentDetails.relatedPlaylists.uploads), paged with playlistItems.list; each playlist page's
 * videos are read with videos.list, then each video's commentThreads.list pages, then
 * comments.list?parentId= for every thread whose inline replies are incomplete.
 *
 * The harvest framework writes one response per step and stores the position after it, so the
 * position is this walk's whole state (a JSON string): an interruption repeats at most one request.
 * Only videos.list, commentThreads.list and comments.list responses are returned as pages: those
 * are what the YouTube reader reads; playlistItems only supplies ids.
 */

export class YoutubeQuotaError extends Error {
  override name = 'YoutubeQuotaError';
}

interface Walk {
  /** playlistItems pageToken of the playlist page after the current one; null: none (or since reached). */
  playlist: string | null;
  /** Videos of the current playlist page whose comments are still to read; the head is current. */
  videos: string[];
  threadPage: string | null;
  /** Threads needing comments.list; the head is current. */
  parents: string[];
  replyPage: string | null;
}

const PAGE_SIZE = 50; // the maximum for playlistItems, commentThreads and videos.list ids

/** The API key travels as `key=`; it must not reach record labels, run errors or logs. */
export function redactKey(text: string): string {
  return text.replace(/([?&]key=)[^&\s]+/g, '$1REDACTED');
}

function reasonsOf(body: string): string[] {
  try {
    const error = (JSON.parse(body) as { error?: { errors?: Array<{ reason?: unknown }> } }).error;
    return (error?.errors ?? []).map((e) => (typeof e.reason === 'string' ? e.reason : '')).filter(Boolean);
  } catch {
    return [];
  }
}

const QUOTA_REASONS = new Set(['quotaExceeded', 'dailyLimitExceeded', 'rateLimitExceeded', 'userRateLimitExceeded']);

/** GET with YouTube's errors made plain: quota ends the account's run (retrying only spends more). */
async function get(http: HttpClient, path: string, params: Record<string, string | number | null>): Promise<FetchedPage> {
  try {
    const page = await http.get(path, params);
    return { ...page, url: redactKey(page.url) };
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    const reasons = reasonsOf(err.body);
    const what = `${path} (${reasons.join(', ') || `HTTP ${err.status ?? 'error'}`})`;
    if (reasons.some((r) => QUOTA_REASONS.has(r))) {
      throw new YoutubeQuotaError(`YouTube API quota exceeded at ${what}; stopped this account's run, the next run resumes at the same position`);
    }
    throw new HttpError(redactKey(err.url), err.status, err.body, `YouTube API error at ${what}: ${redactKey(err.message)}`);
  }
}

function itemsOf(page: FetchedPage): Array<Record<string, unknown>> {
  const items = parseJsonObject(page.body, page.url).items;
  return Array.isArray(items) ? (items as Array<Record<string, unknown>>) : [];
}

function nextToken(page: FetchedPage): string | null {
  const token = parseJsonObject(page.body, page.url).nextPageToken;
  return typeof token === 'string' && token !== '' ? token : null;
}

async function recordsOf(page: FetchedPage): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of youtubeDataApiSource.readContent!(page.url, page.body)) records.push(record);
  return records;
}

function parseWalk(position: string | null): Walk | null {
  return position === null ? null : (JSON.parse(position) as Walk);
}

function positionOf(walk: Walk): string | null {
  return walk.videos.length + walk.parents.length === 0 && walk.playlist === null ? null : JSON.stringify(walk);
}

/** The next playlist page and its videos.list response; the videos' comments come in later steps. */
async function videosStep(http: HttpClient, uploads: string, token: string | null, since: string | null): Promise<ConnectorPage> {
  const list = await get(http, 'playlistItems', { part: 'contentDetails', playlistId: uploads, maxResults: PAGE_SIZE, pageToken: token });
  const entries = itemsOf(list).map((i) => (i.contentDetails ?? {}) as { videoId?: unknown; videoPublishedAt?: unknown });
  const ids = entries.map((e) => e.videoId).filter((id): id is string => typeof id === 'string');
  // Older playlist pages were read before; this page's videos are re-read (edits, new comments).
  const reached = entries.some((e) => atOrBefore(e.videoPublishedAt, since));
  const walk: Walk = { playlist: reached ? null : nextToken(list), videos: ids, threadPage: null, parents: [], replyPage: null };
  const page = ids.length === 0
    ? emptyPage(list.url, 'youtube#videoListResponse') // videos.list rejects an empty id list
    : await get(http, 'videos', { part: 'snippet,contentDetails,statistics,status', id: ids.join(',') });
  let newest: string | null = null;
  for (const video of itemsOf(page)) {
    const at = (video.snippet as { publishedAt?: unknown } | undefined)?.publishedAt;
    if (typeof at === 'string' && (newest === null || at > newest)) newest = at;
  }
  return { page, next: positionOf(walk), newestMarker: newest, reachedSince: false };
}

/** An empty list response, for a request the API answers with "nothing here" as an error. */
function emptyPage(url: string, kind: string): FetchedPage {
  return { url: redactKey(url), status: 200, headers: new Headers(), body: JSON.stringify({ kind, items: [] }) };
}

async function threadsStep(http: HttpClient, walk: Walk): Promise<ConnectorPage> {
  const videoId = walk.videos[0]!;
  let page: FetchedPage;
  try {
    page = await get(http, 'commentThreads', { part: 'snippet,replies', videoId, maxResults: PAGE_SIZE, textFormat: 'html', pageToken: walk.threadPage });
  } catch (err) {
    // A video with comments turned off answers 403 commentsDisabled: it has no comments to read.
    if (!(err instanceof HttpError && reasonsOf(err.body).includes('commentsDisabled'))) throw err;
    page = emptyPage(err.url, 'youtube#commentThreadListResponse');
  }
  walk.parents.push(...incompleteReplyThreads(await recordsOf(page)).map((t) => t.threadId));
  walk.threadPage = nextToken(page);
  if (walk.threadPage === null) walk.videos.shift();
  return { page, next: positionOf(walk), newestMarker: null, reachedSince: false };
}

async function repliesStep(http: HttpClient, walk: Walk): Promise<ConnectorPage> {
  const page = await get(http, 'comments', { part: 'snippet', parentId: walk.parents[0]!, maxResults: 100, textFormat: 'html', pageToken: walk.replyPage });
  walk.replyPage = nextToken(page);
  if (walk.replyPage === null) walk.parents.shift();
  return { page, next: positionOf(walk), newestMarker: null, reachedSince: false };
}

export const youtubeConnector: Connector = {
  platform: Platform.YOUTUBE,
  source: youtubeDataApiSource,
  rateLimit: noPolicy,
  async profile(http, account) {
    const channelId = account.apiAccountId ?? account.platformAccountId;
    const page = await get(http, 'channels', { part: 'contentDetails,statistics', id: channelId });
    const channel = itemsOf(page)[0] as
      | { contentDetails?: { relatedPlaylists?: { uploads?: unknown } }; statistics?: { videoCount?: unknown } }
      | undefined;
    const uploads = channel?.contentDetails?.relatedPlaylists?.uploads;
    if (typeof uploads !== 'string') throw new Error(`YouTube channel ${channelId} not found, or it has no uploads playlist`);
    // statistics.videoCount is a string in the API (uint64); it counts public videos.
    const raw = channel?.statistics?.videoCount;
    const count = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : NaN;
    // The uploads playlist is what fetchPage pages through: it is this connector's "account id".
    return { apiAccountId: uploads, platformCount: Number.isFinite(count) ? count : null };
  },
  async fetchPage(http, uploads, position, since) {
    const walk = parseWalk(position);
    if (walk === null) return videosStep(http, uploads, null, since);
    if (walk.parents.length > 0) return repliesStep(http, walk);
    if (walk.videos.length > 0) return threadsStep(http, walk);
    // positionOf never stores a walk without work, so a playlist token is left here.
    return videosStep(http, uploads, walk.playlist, since);
  },
};
