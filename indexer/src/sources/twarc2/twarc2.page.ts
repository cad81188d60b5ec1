import { isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import type { EditChains } from './twarc2.edit-chains.js';
import { expansionKey, InvalidRecordError, optionalArray, optionalObject } from './twarc2.fields.js';
import { normaliseTweet, type TweetEnvironment } from './twarc2.normaliser.js';

/**
 * One twarc2 page: an API v2 response `{data, includes, meta, errors?, __twarc}` as twarc2 writes
 * it, one per line. `data` is a list (search, timelines, lookups) or a single tweet (filtered and
 * sample streams, which add `matching_rules`).
 *
 * Every tweet in includes.tweets is emitted as an item as well: those are the tweets the page's
 * tweets retweet, quote or reply to, i.e. the conversation around them, and includes is the only
 * place a twarc2 capture holds them. A tweet present in both data and includes is emitted once.
 * `meta` (result_count, next_token) is ignored: the tweets themselves are the truth.
 */
export function normalisePage(page: JsonObject, chains: EditChains): RecordBody[] {
  const records: RecordBody[] = [];
  const includes = optionalObject(page, 'includes') ?? {};
  const users = indexExpansion(includes, 'users', 'id', records);
  const media = indexExpansion(includes, 'media', 'media_key', records);
  const polls = indexExpansion(includes, 'polls', 'id', records);
  const places = indexExpansion(includes, 'places', 'id', records);
  const tweets = tweetsOnPage(page, includes, records);

  const createdAt = new Map<string, string>();
  for (const { tweet } of tweets) {
    if (typeof tweet.id === 'string' && typeof tweet.created_at === 'string')
      createdAt.set(tweet.id, tweet.created_at);
  }
  const env: TweetEnvironment = {
    findUser: (id) => users.get(id),
    findMedia: (key) => media.get(key),
    findCreatedAt: (id) => createdAt.get(id),
    chainFirstId: (id) => chains.firstId(id),
  };
  const twarcMeta = page.__twarc;

  for (const { tweet, where } of tweets) {
    try {
      const raw = pageRawBody(tweet, { users, media, polls, places }, twarcMeta);
      records.push({ kind: 'item', item: normaliseTweet(tweet, env, raw, where) });
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      records.push(quarantine(error.message, safeStringify(tweet)));
    }
  }

  optionalArray(page, 'errors').forEach((error, index) => {
    records.push(quarantine(describeApiError(error, index), safeStringify(error)));
  });
  return records;
}

interface PageTweet {
  tweet: JsonObject;
  where: string;
}

/** data (list or single object) then includes.tweets, each tweet id once. */
function tweetsOnPage(page: JsonObject, includes: JsonObject, records: RecordBody[]): PageTweet[] {
  const candidates: Array<{ value: unknown; where: string }> = [];
  const data = page.data;
  if (Array.isArray(data))
    data.forEach((value, index) => candidates.push({ value, where: `data[${index}]` }));
  else if (isJsonObject(data)) candidates.push({ value: data, where: 'data' });
  else if (data !== undefined)
    records.push(quarantine('the page\'s "data" is neither a list nor an object', safeStringify(data)));
  optionalArray(includes, 'tweets').forEach((value, index) =>
    candidates.push({ value, where: `includes.tweets[${index}]` }),
  );

  const seen = new Set<string>();
  const tweets: PageTweet[] = [];
  for (const { value, where } of candidates) {
    if (!isJsonObject(value)) {
      records.push(quarantine(`${where} is not a JSON object`, safeStringify(value)));
      continue;
    }
    if (looksLikeUser(value)) {
      records.push(
        quarantine(
          `${where} is a user object, not a tweet (user lists are not imported)`,
          safeStringify(value),
        ),
      );
      continue;
    }
    // Ids that are not strings are kept here and refused by the normaliser, with the reason.
    if (typeof value.id === 'string') {
      if (seen.has(value.id)) continue;
      seen.add(value.id);
    }
    tweets.push({ tweet: value, where });
  }
  return tweets;
}

function looksLikeUser(object: JsonObject): boolean {
  return typeof object.username === 'string' && object.text === undefined;
}

/** includes.<kind> by key; entries whose key is not a string are quarantined, not silently skipped. */
function indexExpansion(
  includes: JsonObject,
  kind: string,
  keyField: string,
  records: RecordBody[],
): Map<string, JsonObject> {
  const index = new Map<string, JsonObject>();
  optionalArray(includes, kind).forEach((entry, position) => {
    const where = `includes.${kind}[${position}]`;
    if (!isJsonObject(entry)) {
      records.push(quarantine(`${where} is not a JSON object`, safeStringify(entry)));
      return;
    }
    try {
      const key = expansionKey(entry, keyField, where);
      if (key !== null && !index.has(key)) index.set(key, entry);
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      records.push(quarantine(error.message, safeStringify(entry)));
    }
  });
  return index;
}

interface Expansions {
  users: Map<string, JsonObject>;
  media: Map<string, JsonObject>;
  polls: Map<string, JsonObject>;
  places: Map<string, JsonObject>;
}

/**
 * The evidence kept for one tweet of a page: a one-tweet twarc2 page holding the tweet as
 * captured, the includes it refers to (author, replied-to user, media, poll, place) and the page's
 * __twarc metadata. It can be read back by this very source, and is deterministic (key order as
 * captured), so re-importing a file yields identical raw bodies.
 *
 * Not kept: a stream's `matching_rules`, whose rule ids twarc2 writes as JSON numbers above 2^53
 * (they are already corrupted once parsed), and the rest of the page (kept by the other tweets).
 */
function pageRawBody(tweet: JsonObject, expansions: Expansions, twarcMeta: unknown): string {
  const attachments = optionalObject(tweet, 'attachments') ?? {};
  const geo = optionalObject(tweet, 'geo') ?? {};
  const pick = (map: Map<string, JsonObject>, keys: unknown[]): JsonObject[] => {
    const picked: JsonObject[] = [];
    for (const key of keys) {
      const found = typeof key === 'string' ? map.get(key) : undefined;
      if (found !== undefined && !picked.includes(found)) picked.push(found);
    }
    return picked;
  };
  const includes: JsonObject = {};
  const parts: Array<[string, JsonObject[]]> = [
    ['users', pick(expansions.users, [tweet.author_id, tweet.in_reply_to_user_id])],
    ['media', pick(expansions.media, optionalArray(attachments, 'media_keys'))],
    ['polls', pick(expansions.polls, optionalArray(attachments, 'poll_ids'))],
    ['places', pick(expansions.places, [geo.place_id])],
  ];
  for (const [kind, objects] of parts) if (objects.length > 0) includes[kind] = objects;

  const body: JsonObject = { data: tweet };
  if (Object.keys(includes).length > 0) body.includes = includes;
  if (twarcMeta !== undefined) body.__twarc = twarcMeta;
  return JSON.stringify(body);
}

/** "X API error: Not Found Error: Could not find tweet with ids: [1] (tweet 1)". */
function describeApiError(error: unknown, index: number): string {
  if (!isJsonObject(error)) return `the page reports an X API error (errors[${index}])`;
  const text = (field: string): string | null => (typeof error[field] === 'string' ? error[field] : null);
  const summary = [text('title'), text('detail') ?? text('message')]
    .filter((part) => part !== null)
    .join(': ');
  const resource = [text('resource_type'), text('resource_id') ?? text('value')]
    .filter((part) => part !== null)
    .join(' ');
  return `the page reports an X API error (errors[${index}]): ${summary || 'no title or detail'}${resource ? ` (${resource})` : ''}`;
}
