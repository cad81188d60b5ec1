import { Platform } from '@bewaard/schema';
import { describeKeys, isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import type { EditChains } from '../twarc2/twarc2.edit-chains.js';
import { InvalidRecordError, optionalObject, optionalString, requireId } from '../twarc2/twarc2.fields.js';
import { normaliseV1Tweet } from './twitter-v1.tweet.js';

/**
 * One v1.1 payload (a line of a JSONL file, an element of a JSON array, or an HTTP response body)
 * to records. Accepted shapes:
 * - a tweet, or an array of tweets (statuses/user_timeline, lookup, a JSONL line holding a page);
 * - a search response `{statuses: [...], search_metadata}`;
 * - users/lookup: user objects; the latest tweet embedded as `status` is read (author = that user);
 * - streaming messages: `{delete: {status}}` becomes a deletion; `limit`, `scrub_geo`, … are not
 *   tweets and are quarantined with what they say;
 * - `{errors: [...]}`: each API error is quarantined.
 *
 * A retweet's `retweeted_status` and a quote's `quoted_status` are emitted as items of their own:
 * they are the conversation around the captured tweet. Within one payload each tweet id is
 * emitted once (a page often quotes the same tweet twice); the first capture wins.
 */
export const V1_FORMAT = 'twitter-v1.1';

/**
 * Reads the payloads of one capture unit: a JSONL line, or a whole JSON document (an HTTP body, a
 * JSON array file) whose elements the scanner hands over one by one. Duplicates are dropped
 * within the unit; across units they are left to the store, which recognises identical content.
 */
export class V1PayloadReader {
  private readonly seen = new Set<string>();
  private readonly context;

  /** @param chains edit chains found by a pre-pass over the unit. */
  constructor(chains: EditChains) {
    this.context = { format: V1_FORMAT, defaultAuthor: null, retweetsAsText: false, chainFirstId: (id: string) => chains.firstId(id) };
  }

  records(value: unknown, where = '$'): RecordBody[] {
    const entries: Entry[] = [];
    collect(value, where, entries, 0);
    const records: RecordBody[] = [];
    for (const entry of entries) {
      if (entry.kind !== 'tweet') {
        records.push(entry.record);
        continue;
      }
      const { tweet, where: path, raw } = entry;
      if (typeof tweet.id_str === 'string') {
        if (this.seen.has(tweet.id_str)) continue;
        this.seen.add(tweet.id_str);
      }
      try {
        records.push({ kind: 'item', item: normaliseV1Tweet(tweet, this.context, raw(), path) });
      } catch (error) {
        if (!(error instanceof InvalidRecordError)) throw error;
        records.push(quarantine(error.message, safeStringify(tweet)));
      }
    }
    return records;
  }
}

type Entry = { kind: 'tweet'; tweet: JsonObject; where: string; raw: () => string } | { kind: 'record'; record: RecordBody };

/** Stream messages that are not tweets (Twitter streaming API, "Streaming message types"). */
const STREAM_MESSAGES = ['limit', 'scrub_geo', 'status_withheld', 'user_withheld', 'disconnect', 'warning', 'friends', 'friends_str', 'event', 'direct_message', 'control'];

function collect(value: unknown, where: string, entries: Entry[], depth: number): void {
  const problem = (reason: string, excerpt: unknown): void => {
    entries.push({ kind: 'record', record: quarantine(reason, safeStringify(excerpt)) });
  };
  if (Array.isArray(value)) {
    // A page, or a JSONL line holding a page; deeper lists are not an X shape.
    if (depth >= 2) return problem(`${where} is a list inside a list of tweets`, value);
    value.forEach((element, index) => collect(element, `${where}[${index}]`, entries, depth + 1));
    return;
  }
  if (!isJsonObject(value)) return problem(`${where} is a JSON ${value === null ? 'null' : typeof value}, not a tweet`, value);
  if (Array.isArray(value.statuses)) {
    value.statuses.forEach((status, index) => collect(status, `${where}.statuses[${index}]`, entries, depth + 1));
    return;
  }
  if (isJsonObject(value.delete)) {
    entries.push({ kind: 'record', record: streamDeletion(value.delete, where) });
    return;
  }
  if (Array.isArray(value.errors) && !('id_str' in value)) {
    value.errors.forEach((error, index) => problem(describeApiError(error, `${where}.errors[${index}]`), error));
    return;
  }
  const streamMessage = STREAM_MESSAGES.find((key) => key in value);
  if (streamMessage !== undefined && !('id_str' in value))
    return problem(`${where} is a streaming "${streamMessage}" message, not a tweet; not imported`, value);
  if (isTweetLike(value)) return addTweet(value, where, () => JSON.stringify(value), entries, 0);
  if (typeof value.screen_name === 'string') {
    const status = optionalObject(value, 'status');
    if (status === null) return problem(`${where} is a user object (@${value.screen_name}) without a status; profiles are not imported`, value);
    // The embedded tweet has no user of its own: it is this user's latest tweet.
    const { status: _status, ...user } = value;
    const tweet = { ...status, user };
    return addTweet(tweet, `${where}.status`, () => JSON.stringify(tweet), entries, 0);
  }
  problem(`${where} is a JSON object with keys ${describeKeys(value)}, not a v1.1 tweet`, value);
}

/** A user object (users/lookup) has id_str too, but a tweet never has a top-level screen_name. */
function isTweetLike(object: JsonObject): boolean {
  return ('id_str' in object || 'full_text' in object || 'text' in object) && !('screen_name' in object);
}

function addTweet(tweet: JsonObject, where: string, raw: () => string, entries: Entry[], depth: number): void {
  entries.push({ kind: 'tweet', tweet, where, raw });
  // X nests at most a quote inside a retweet; the bound only guards against hostile input.
  if (depth >= 3) return;
  for (const field of ['retweeted_status', 'quoted_status']) {
    const nested = optionalObject(tweet, field);
    if (nested !== null) addTweet(nested, `${where}.${field}`, () => JSON.stringify(nested), entries, depth + 1);
  }
}

/**
 * `{"delete": {"status": {"id_str", "user_id_str"}, "timestamp_ms"}}`: the author deleted the
 * tweet. timestamp_ms is when the stream reported it, the closest witness of the deletion time.
 */
function streamDeletion(deletion: JsonObject, where: string): RecordBody {
  try {
    const status = optionalObject(deletion, 'status');
    if (status === null) throw new InvalidRecordError(`${where}.delete has no status`);
    const id = requireId(status, 'id_str', `${where}.delete.status`);
    const millis = Number(optionalString(deletion, 'timestamp_ms') ?? deletion.timestamp_ms);
    if (!Number.isFinite(millis) || millis <= 0)
      throw new InvalidRecordError(`${where}.delete has no timestamp_ms, so when it happened is unknown`);
    const at = new Date(millis);
    return { kind: 'deletion', notice: { platform: Platform.X, platformItemId: id, detectedAt: at, method: 'x-stream:delete', platformDeletedAt: at } };
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    return quarantine(error.message, safeStringify({ delete: deletion }));
  }
}

/** "X API error (errors[0]): code 34: Sorry, that page does not exist." */
function describeApiError(error: unknown, where: string): string {
  if (!isJsonObject(error)) return `X API error (${where})`;
  const code = typeof error.code === 'number' || typeof error.code === 'string' ? `code ${error.code}: ` : '';
  const message = optionalString(error, 'message') ?? optionalString(error, 'detail') ?? 'no message';
  return `X API error (${where}): ${code}${message}`;
}
