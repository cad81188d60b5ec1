import { isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import type { EditChains } from './twarc2.edit-chains.js';
import { InvalidRecordError, optionalArray, optionalId, optionalObject } from './twarc2.fields.js';
import { normaliseTweet, type TweetEnvironment } from './twarc2.normaliser.js';

/**
 * One line of `twarc2 flatten` output: a single tweet with its expansions inlined: `author`,
 * `in_reply_to_user`, `attachments.media` (aligned with media_keys), `referenced_tweets[]` merged
 * with the full referenced tweet (itself with `author` …), and the page's `__twarc`. Expansions
 * twarc could not find are written as `{}`.
 *
 * As with includes.tweets in pages, the inlined referenced tweets are emitted as items too (they
 * are the conversation context); a reference that was not expanded (only `{type, id}`) is not a
 * tweet and yields nothing.
 */
export function normaliseFlatTweet(line: JsonObject, chains: EditChains): RecordBody[] {
  const records: RecordBody[] = [];
  const twarcMeta = line.__twarc;
  const tweets = [{ tweet: line, where: 'tweet', raw: () => JSON.stringify(line) }];
  for (const { tweet, where } of inlinedReferencedTweets(line, 'tweet')) {
    // Each context tweet carries the capture's __twarc, like a tweet of a page does.
    tweets.push({
      tweet,
      where,
      raw: () => JSON.stringify(twarcMeta === undefined ? tweet : { ...tweet, __twarc: twarcMeta }),
    });
  }

  const inlined = indexInlinedObjects(line);
  const seen = new Set<string>();
  const createdAt = new Map<string, string>();
  for (const { tweet } of tweets) {
    if (typeof tweet.id === 'string' && typeof tweet.created_at === 'string')
      createdAt.set(tweet.id, tweet.created_at);
  }

  const env: TweetEnvironment = {
    findUser: (id) => inlined.users.get(id),
    findMedia: (key) => inlined.media.get(key),
    findCreatedAt: (id) => createdAt.get(id),
    chainFirstId: (id) => chains.firstId(id),
  };

  for (const { tweet, where, raw } of tweets) {
    if (typeof tweet.id === 'string') {
      if (seen.has(tweet.id)) continue;
      seen.add(tweet.id);
    }
    try {
      checkInlinedAuthor(tweet, where);
      records.push({ kind: 'item', item: normaliseTweet(tweet, env, raw(), where) });
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      records.push(quarantine(error.message, safeStringify(tweet)));
    }
  }
  return records;
}

/** Expanded referenced tweets, depth first (a retweet of a quote inlines the quoted tweet too). */
function inlinedReferencedTweets(
  tweet: JsonObject,
  where: string,
  depth = 0,
): Array<{ tweet: JsonObject; where: string }> {
  // twarc expands two levels; the bound only guards against pathological input.
  if (depth >= 4) return [];
  const found: Array<{ tweet: JsonObject; where: string }> = [];
  optionalArray(tweet, 'referenced_tweets').forEach((reference, index) => {
    if (!isJsonObject(reference) || reference.text === undefined) return;
    const path = `${where}.referenced_tweets[${index}]`;
    found.push({ tweet: reference, where: path }, ...inlinedReferencedTweets(reference, path, depth + 1));
  });
  return found;
}

interface InlinedObjects {
  users: Map<string, JsonObject>;
  media: Map<string, JsonObject>;
}

/**
 * Every user and media object inlined anywhere in the line, by its own id. Looking authors up by
 * id (rather than trusting the `author` next to a tweet) matters: in flat.jsonl some inlined
 * referenced tweets carry the `author` of another user (a twarc flatten bug, line 81), and the
 * right user is often inlined elsewhere in the same line (as a mention or in_reply_to_user).
 */
function indexInlinedObjects(
  value: unknown,
  found: InlinedObjects = { users: new Map(), media: new Map() },
  depth = 0,
): InlinedObjects {
  if (depth > 12) return found;
  if (Array.isArray(value)) {
    for (const entry of value) indexInlinedObjects(entry, found, depth + 1);
  } else if (isJsonObject(value)) {
    if (typeof value.id === 'string' && typeof value.username === 'string' && !found.users.has(value.id)) {
      found.users.set(value.id, value);
    }
    if (
      typeof value.media_key === 'string' &&
      typeof value.type === 'string' &&
      !found.media.has(value.media_key)
    ) {
      found.media.set(value.media_key, value);
    }
    for (const entry of Object.values(value)) indexInlinedObjects(entry, found, depth + 1);
  }
  return found;
}

/** The inlined author's own id is checked like any id: a numeric one makes the tweet suspect. */
function checkInlinedAuthor(tweet: JsonObject, where: string): void {
  for (const field of ['author', 'in_reply_to_user']) {
    const user = optionalObject(tweet, field);
    if (user !== null) optionalId(user, 'id', `${where}.${field}`);
  }
}
