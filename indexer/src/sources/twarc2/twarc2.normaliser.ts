import { ItemKind, Platform, type NormalisedItem } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import { snowflakeTime } from './twarc2.edit-chains.js';
import {
  InvalidRecordError,
  optionalArray,
  optionalId,
  optionalIdList,
  optionalObject,
  optionalString,
  requireId,
} from './twarc2.fields.js';
import { normaliseMedia } from './twarc2.media.js';
import { decodeTweetText, hashtagsOf, languageOf, linksOf, mentionsOf } from './twarc2.text.js';

/**
 * Pure mapping of one X API v2 tweet object to a NormalisedItem. Everything the tweet only
 * references by id (author, media, other versions) is looked up through a TweetEnvironment, which
 * the page reader builds from `includes` and the flattened reader from the inlined objects.
 */
export interface TweetEnvironment {
  /** The user object with this id (includes.users, or an inlined `author`). */
  findUser(id: string): JsonObject | undefined;
  /** The media object with this media_key (includes.media, or inlined attachments.media). */
  findMedia(mediaKey: string): JsonObject | undefined;
  /** created_at of a tweet captured alongside this one, used for an edit chain's first version. */
  findCreatedAt(tweetId: string): string | undefined;
  /** The first id of the edit chain a referenced id belongs to (see EditChains). */
  chainFirstId(tweetId: string): string;
}

/**
 * @param where names the tweet in error messages (`data[3]`, `includes.tweets[0]`, …).
 * @param rawBody the captured JSON kept as evidence; built by the caller, who knows the layout.
 * @throws InvalidRecordError when a required field is missing or an id is not a string.
 */
export function normaliseTweet(
  tweet: JsonObject,
  env: TweetEnvironment,
  rawBody: string,
  where: string,
): NormalisedItem {
  const id = requireId(tweet, 'id', where);
  const authorId = requireId(tweet, 'author_id', where);
  // Read for validation only: a numeric id here means the whole record is suspect.
  optionalId(tweet, 'in_reply_to_user_id', where);
  const conversationId = optionalId(tweet, 'conversation_id', where);
  const chain = optionalIdList(tweet, 'edit_history_tweet_ids', where);
  const references = readReferences(tweet, where);

  const noteTweet = optionalObject(tweet, 'note_tweet');
  const fullText = (noteTweet && optionalString(noteTweet, 'text')) ?? optionalString(tweet, 'text');
  if (fullText === null) throw new InvalidRecordError(`${where} has no text`);
  // A long post's entities are indexed against note_tweet.text, so take them from the same place.
  const entities = (noteTweet && optionalObject(noteTweet, 'entities')) ?? optionalObject(tweet, 'entities');

  const versionCreatedAt = timestamp(optionalString(tweet, 'created_at'), id, `${where}.created_at`);
  const itemId = chain?.[0] ?? env.chainFirstId(id);
  const position = chain === null ? null : chain.indexOf(id);

  const author = env.findUser(authorId);
  const handle = author ? optionalString(author, 'username') : null;

  const repostOf = references.get('retweeted');
  const quoted = references.get('quoted');
  const repliedTo = references.get('replied_to');

  return {
    platform: Platform.X,
    platformItemId: itemId,
    kind: kindOf(repostOf, repliedTo, quoted),
    author: {
      platformActorId: authorId,
      handle,
      displayName: author ? optionalString(author, 'name') : null,
    },
    createdAt: itemId === id ? versionCreatedAt : (chainCreatedAt(itemId, env) ?? versionCreatedAt),
    url: handle ? `https://x.com/${handle}/status/${itemId}` : `https://x.com/i/web/status/${itemId}`,
    conversationPlatformId: conversationId === null ? null : env.chainFirstId(conversationId),
    inReplyToPlatformId: repliedTo === undefined ? null : env.chainFirstId(repliedTo),
    quotedPlatformId: quoted === undefined ? null : env.chainFirstId(quoted),
    repostOfPlatformId: repostOf === undefined ? null : env.chainFirstId(repostOf),
    content: {
      text: decodeTweetText(fullText),
      title: null,
      language: languageOf(tweet),
      links: linksOf(entities),
      hashtags: hashtagsOf(entities),
      mentions: mentionsOf(entities),
      media: mediaKeysOf(tweet, where).map((key) => normaliseMedia(key, env.findMedia(key))),
      warning: null,
    },
    // Tweets captured before X had edits (before 2022-09) carry no chain: the platform says nothing.
    edit:
      chain === null
        ? null
        : { platformVersionId: id, editedAt: versionCreatedAt, position: position === -1 ? null : position },
    raw: { format: 'twarc2', body: rawBody },
  };
}

/**
 * A tweet that replies and quotes (quoted_edit.jsonl) is a reply first: its place in the
 * conversation matters more for threading than what it quotes. Both ids are kept either way.
 */
function kindOf(
  repostOf: string | undefined,
  repliedTo: string | undefined,
  quoted: string | undefined,
): ItemKind {
  if (repostOf !== undefined) return ItemKind.REPOST;
  if (repliedTo !== undefined) return ItemKind.REPLY;
  if (quoted !== undefined) return ItemKind.QUOTE;
  return ItemKind.POST;
}

/** referenced_tweets as type → id (the first of each type; X never sends two of one type). */
function readReferences(tweet: JsonObject, where: string): Map<string, string> {
  const references = new Map<string, string>();
  optionalArray(tweet, 'referenced_tweets').forEach((reference, index) => {
    const path = `${where}.referenced_tweets[${index}]`;
    if (!isJsonObject(reference)) throw new InvalidRecordError(`${path} is not an object`);
    const type = optionalString(reference, 'type');
    const id = requireId(reference, 'id', path);
    if (type !== null && !references.has(type)) references.set(type, id);
  });
  return references;
}

function mediaKeysOf(tweet: JsonObject, where: string): string[] {
  const attachments = optionalObject(tweet, 'attachments');
  if (attachments === null) return [];
  return optionalArray(attachments, 'media_keys').map((key, index) => {
    if (typeof key !== 'string') {
      throw new InvalidRecordError(
        `${where}.attachments.media_keys[${index}] is not a string: ${JSON.stringify(key)}`,
      );
    }
    return key;
  });
}

/**
 * The chain's publication time: the first version's created_at when it was captured alongside,
 * else the time in its snowflake id (identical to created_at, see snowflakeTime).
 */
function chainCreatedAt(firstId: string, env: TweetEnvironment): Date | null {
  const captured = env.findCreatedAt(firstId);
  const parsed = captured === undefined ? null : parseTimestamp(captured);
  return parsed ?? snowflakeTime(firstId);
}

/** created_at, or for a tweet fetched without it, the time in its id. */
function timestamp(value: string | null, id: string, path: string): Date {
  if (value !== null) {
    const parsed = parseTimestamp(value);
    if (parsed === null) throw new InvalidRecordError(`${path} is not a timestamp: ${JSON.stringify(value)}`);
    return parsed;
  }
  const fromId = snowflakeTime(id);
  if (fromId === null) throw new InvalidRecordError(`${path} is missing and id ${id} predates snowflake ids`);
  return fromId;
}

export function parseTimestamp(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
