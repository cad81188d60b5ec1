import { ItemKind, Platform, type NormalisedActor, type NormalisedContent, type NormalisedItem } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import { snowflakeTime } from '../twarc2/twarc2.edit-chains.js';
import { InvalidRecordError, optionalArray, optionalId, optionalObject, optionalString, requireId } from '../twarc2/twarc2.fields.js';
import { decodeTweetText, languageOf } from '../twarc2/twarc2.text.js';
import { parseTwitterDate } from './twitter-v1.dates.js';
import { editPlaceOf } from './twitter-v1.edit-info.js';
import { hashtagsOf, linksOf, mediaOf, mentionsOf, tweetBodyOf } from './twitter-v1.entities.js';

/**
 * Pure mapping of one v1.1-shaped tweet (X API v1.1, or an element of the X archive, which keeps
 * that shape) to a NormalisedItem. Only `*_str` ids are read: v1.1 also sends every id as a JSON
 * number, which is already corrupted above 2^53 once parsed; a `*_str` id that is a number makes
 * the tweet suspect and it is refused (InvalidRecordError → quarantine).
 */
export interface V1TweetContext {
  /** `raw.format` of the items. */
  format: string;
  /** The author when the tweet has no `user` object (X archive: the archive's owner). */
  defaultAuthor: NormalisedActor | null;
  /**
   * X archive only: text starting with "RT @" is a retweet. The archive keeps retweets as the
   * retweet's text ("RT @user: …", cut at 140 characters) with `retweeted: false` and no
   * `retweeted_status`; a manual "RT @" typed by hand cannot be told apart.
   */
  retweetsAsText: boolean;
  /** The first id of the edit chain an id belongs to (for references to edited tweets). */
  chainFirstId(id: string): string;
}

/**
 * @param where names the tweet in error messages (`[3]`, `[3].retweeted_status`).
 * @param rawBody the captured JSON kept as evidence; built by the caller, who knows the layout.
 * @throws InvalidRecordError when a required field is missing or an id is not a string.
 */
export function normaliseV1Tweet(tweet: JsonObject, context: V1TweetContext, rawBody: string, where: string): NormalisedItem {
  const id = requireId(tweet, 'id_str', where);
  const repliedTo = optionalId(tweet, 'in_reply_to_status_id_str', where);
  // Read for validation only: a numeric id here means the whole record is suspect.
  optionalId(tweet, 'in_reply_to_user_id_str', where);
  const quoted = optionalId(tweet, 'quoted_status_id_str', where) ?? nestedId(tweet, 'quoted_status', where);
  const retweeted = optionalObject(tweet, 'retweeted_status');
  const author = authorOf(tweet, context, where);

  const body = tweetBodyOf(tweet);
  if (body === null) throw new InvalidRecordError(`${where} has no text (full_text, text or extended_tweet.full_text)`);
  const isRetweet = retweeted !== null || (context.retweetsAsText && body.text.startsWith('RT @'));
  const repostOf = retweeted !== null ? nestedId(tweet, 'retweeted_status', where) : isRetweet ? sourceStatusOf(body.mediaEntities) : null;

  const versionCreatedAt = timestamp(tweet, id, where);
  const place = editPlaceOf(tweet, id, where);
  const itemId = place?.firstId ?? context.chainFirstId(id);
  const kind = isRetweet ? ItemKind.REPOST : repliedTo !== null ? ItemKind.REPLY : quoted !== null ? ItemKind.QUOTE : ItemKind.POST;

  const captured: NormalisedContent = {
    text: decodeTweetText(body.text),
    title: null,
    language: languageOf(tweet),
    links: linksOf(body.entities, id),
    hashtags: hashtagsOf(body.entities),
    mentions: mentionsOf(body.entities),
    media: mediaOf(body.mediaEntities),
    warning: null,
  };
  const content = retweeted === null ? captured : { ...captured, ...retweetContent(retweeted) };

  return {
    platform: Platform.X,
    platformItemId: itemId,
    kind,
    author,
    // An edited version carries its own created_at; the item's is the first version's, which is
    // exactly the time in the first id (see snowflakeTime).
    createdAt: itemId === id ? versionCreatedAt : (snowflakeTime(itemId) ?? versionCreatedAt),
    url: author.handle ? `https://x.com/${author.handle}/status/${itemId}` : `https://x.com/i/web/status/${itemId}`,
    // v1.1 has no conversation id. A tweet that replies to nothing starts its own conversation;
    // for a reply the root is unknown, and for a retweet X's rule is not documented: null.
    conversationPlatformId: kind === ItemKind.POST || kind === ItemKind.QUOTE ? itemId : null,
    inReplyToPlatformId: repliedTo === null ? null : context.chainFirstId(repliedTo),
    quotedPlatformId: quoted === null ? null : context.chainFirstId(quoted),
    repostOfPlatformId: repostOf === null ? null : context.chainFirstId(repostOf),
    content,
    edit: place === null ? null : { platformVersionId: id, editedAt: versionCreatedAt, position: place.position },
    raw: { format: context.format, body: rawBody },
  };
}

function authorOf(tweet: JsonObject, context: V1TweetContext, where: string): NormalisedActor {
  const user = optionalObject(tweet, 'user');
  if (user === null) {
    if (context.defaultAuthor !== null) return context.defaultAuthor;
    throw new InvalidRecordError(`${where} has no user object, so its author is unknown`);
  }
  return {
    platformActorId: requireId(user, 'id_str', `${where}.user`),
    handle: optionalString(user, 'screen_name'),
    displayName: optionalString(user, 'name'),
  };
}

function nestedId(tweet: JsonObject, field: string, where: string): string | null {
  const nested = optionalObject(tweet, field);
  return nested === null ? null : requireId(nested, 'id_str', `${where}.${field}`);
}

/**
 * A retweet's own text is "RT @user: " plus the original cut at 140 characters and ending in "…"
 * (also in extended mode). The original's full text is in retweeted_status, so the repost shows
 * "RT @user: <full text>": what X displayed, and the same whichever mode the capture used, so a
 * compat and an extended capture of one retweet do not count as two versions. The outer text
 * stays in raw.
 */
function retweetContent(retweeted: JsonObject): Partial<NormalisedContent> {
  const body = tweetBodyOf(retweeted);
  const user = optionalObject(retweeted, 'user');
  const handle = user && optionalString(user, 'screen_name');
  if (body === null || handle === null) return {};
  const id = typeof retweeted.id_str === 'string' ? retweeted.id_str : '';
  return {
    text: `RT @${handle}: ${decodeTweetText(body.text)}`,
    links: linksOf(body.entities, id),
    hashtags: hashtagsOf(body.entities),
    mentions: [...new Set([handle, ...mentionsOf(body.entities)])],
  };
}

/** In the archive, media of a retweet name the original tweet (source_status_id_str). */
function sourceStatusOf(mediaEntities: JsonObject | null): string | null {
  for (const media of mediaEntities === null ? [] : optionalArray(mediaEntities, 'media')) {
    if (isJsonObject(media) && typeof media.source_status_id_str === 'string' && /^\d{1,20}$/.test(media.source_status_id_str))
      return media.source_status_id_str;
  }
  return null;
}

/** created_at, or for a tweet without it, the time in its id. */
function timestamp(tweet: JsonObject, id: string, where: string): Date {
  const value = optionalString(tweet, 'created_at');
  if (value !== null) {
    const parsed = parseTwitterDate(value);
    if (parsed === null) throw new InvalidRecordError(`${where}.created_at is not a timestamp: ${JSON.stringify(value)}`);
    return parsed;
  }
  const fromId = snowflakeTime(id);
  if (fromId === null) throw new InvalidRecordError(`${where}.created_at is missing and id ${id} predates snowflake ids`);
  return fromId;
}
