import { Platform, type NormalisedActor, type NormalisedItem } from '@bewaard/schema';
import { describeKeys, isJsonObject, safeStringify } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import type { EditChains } from '../twarc2/twarc2.edit-chains.js';
import { InvalidRecordError, optionalString } from '../twarc2/twarc2.fields.js';
import { parseTwitterDate } from '../twitter-v1/twitter-v1.dates.js';
import { normaliseV1Tweet, type V1TweetContext } from '../twitter-v1/twitter-v1.tweet.js';

/**
 * One element of an archive data file to records. The data types read are the ones that hold the
 * owner's own posts:
 * - `tweets` (tweets.js, tweets-part1.js, …) and `tweet` (tweet.js in archives before 2020);
 * - `deleted_tweets`: each tweet becomes an item (its text as captured) AND a deletion notice;
 * - `community_tweet`: posts in X Communities (the community id stays in raw).
 * Every other type (likes, followers, direct messages, ads, note-tweet, tweet-headers, …) is
 * personal or derived data the archive does not keep, and yields nothing.
 */
export const ARCHIVE_FORMAT = 'x-archive';
export const TWEET_DATA_TYPES: ReadonlySet<string> = new Set(['tweets', 'tweet', 'deleted_tweets', 'community_tweet']);

export interface ElementContext {
  dataType: string;
  owner: NormalisedActor;
  /**
   * detectedAt of the deletions in deleted-tweets.js: the archive's generation time, else the
   * file's mtime. null for an in-memory payload: then the deletion time itself (deleted_at, else
   * the post's creation) is the earliest moment the deletion can have been seen.
   */
  deletionsDetectedAt: Date | null;
  chains: EditChains;
}

export interface ElementRecords {
  records: RecordBody[];
  /** The tweet's own id (media files in the export are named after it). */
  tweetId: string | null;
}

/**
 * Elements are `{"tweet": {…}}`; the oldest archives put the tweet object itself in the list.
 * The raw body is the element as captured (re-serialised compactly, key order kept, so a
 * re-import yields the same bytes).
 */
export function recordsOfElement(element: unknown, where: string, context: ElementContext): ElementRecords {
  const tweet = isJsonObject(element) && isJsonObject(element.tweet) ? element.tweet : element;
  if (!isJsonObject(tweet) || !('id_str' in tweet || 'full_text' in tweet)) {
    const what = isJsonObject(element) ? `a JSON object with keys ${describeKeys(element)}` : `a JSON ${Array.isArray(element) ? 'array' : typeof element}`;
    return { records: [quarantine(`${where} is ${what}, not an archive tweet ({"tweet": {…}})`, safeStringify(element))], tweetId: null };
  }
  const path = tweet === element ? where : `${where}.tweet`;
  let item: NormalisedItem;
  try {
    item = normaliseV1Tweet(tweet, tweetContext(context), JSON.stringify(element), path);
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    return { records: [quarantine(error.message, safeStringify(element))], tweetId: null };
  }
  const records: RecordBody[] = [{ kind: 'item', item }];
  if (context.dataType === 'deleted_tweets') records.push(...deletionOf(item, optionalString(tweet, 'deleted_at'), path, context));
  return { records, tweetId: item.edit?.platformVersionId ?? item.platformItemId };
}

function tweetContext(context: ElementContext): V1TweetContext {
  return {
    format: ARCHIVE_FORMAT,
    defaultAuthor: context.owner,
    retweetsAsText: true,
    chainFirstId: (id: string) => context.chains.firstId(id),
  };
}

/**
 * The deletion applies to the item (the chain's first id). A `deleted_at` that cannot be read does
 * not cancel the deletion, which the file itself attests; it is kept as null and reported.
 */
function deletionOf(item: NormalisedItem, deletedAt: string | null, where: string, context: ElementContext): RecordBody[] {
  const platformDeletedAt = deletedAt === null ? null : parseTwitterDate(deletedAt);
  const records: RecordBody[] = [
    {
      kind: 'deletion',
      notice: {
        platform: Platform.X,
        platformItemId: item.platformItemId,
        detectedAt: context.deletionsDetectedAt ?? platformDeletedAt ?? item.createdAt,
        method: 'x-archive:deleted-tweets',
        platformDeletedAt,
      },
    },
  ];
  if (deletedAt !== null && platformDeletedAt === null)
    records.push(quarantine(`${where}.deleted_at is not a timestamp: ${JSON.stringify(deletedAt)}; the deletion is kept without a time`, deletedAt));
  return records;
}
