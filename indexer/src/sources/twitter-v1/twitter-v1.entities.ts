import type { NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import { optionalArray, optionalObject, optionalString } from '../twarc2/twarc2.fields.js';
import { mimeTypeFromUrl } from '../twarc2/twarc2.media.js';

/**
 * Entities and media of a v1.1-shaped tweet (API v1.1 and the X archive). Unlike API v2, v1.1
 * names hashtags `text`, mentions `screen_name`, and keeps attached media in `entities.media` (the
 * first photo only) and `extended_entities.media` (all of them). The archive writes every number
 * as a string ("bitrate": "950000"), so numbers are read from either.
 */

/** The text and the entities that index into it: the extended form wins when present. */
export interface TweetBody {
  text: string;
  entities: JsonObject | null;
  /** Where the attached media are listed. */
  mediaEntities: JsonObject | null;
}

/**
 * Streaming (compat) payloads carry a 140-character `text` with the full text in
 * `extended_tweet.full_text`; `tweet_mode=extended` responses and the archive carry `full_text`.
 * A compat tweet with only `text` (and `truncated: true`) keeps that text: nothing fuller exists.
 */
export function tweetBodyOf(tweet: JsonObject): TweetBody | null {
  const extended = optionalObject(tweet, 'extended_tweet');
  const extendedText = extended && optionalString(extended, 'full_text');
  if (extended !== null && extendedText !== null) {
    const entities = optionalObject(extended, 'entities');
    return { text: extendedText, entities, mediaEntities: optionalObject(extended, 'extended_entities') ?? entities };
  }
  const text = optionalString(tweet, 'full_text') ?? optionalString(tweet, 'text');
  if (text === null) return null;
  const entities = optionalObject(tweet, 'entities');
  return { text, entities, mediaEntities: optionalObject(tweet, 'extended_entities') ?? entities };
}

export function hashtagsOf(entities: JsonObject | null): string[] {
  return entityStrings(entities, 'hashtags', (entity) => optionalString(entity, 'text'));
}

export function mentionsOf(entities: JsonObject | null): string[] {
  return entityStrings(entities, 'user_mentions', (entity) => optionalString(entity, 'screen_name'));
}

/**
 * Expanded link targets. The `twitter.com/i/web/status/<own id>` link that compat mode appends to a
 * cut text points at the tweet itself, not at something it links to, so it is left out.
 */
export function linksOf(entities: JsonObject | null, ownId: string): string[] {
  const selfLink = new RegExp(`^https?://(?:mobile\\.)?(?:twitter|x)\\.com/i/web/status/${ownId}$`);
  return entityStrings(entities, 'urls', (entity) => {
    const url = optionalString(entity, 'expanded_url') ?? optionalString(entity, 'url');
    return url !== null && selfLink.test(url) ? null : url;
  });
}

function entityStrings(entities: JsonObject | null, kind: string, pick: (entity: JsonObject) => string | null): string[] {
  if (entities === null) return [];
  const values: string[] = [];
  for (const entity of optionalArray(entities, kind)) {
    if (!isJsonObject(entity)) continue;
    const value = pick(entity);
    if (value !== null && value !== '') values.push(value);
  }
  return [...new Set(values)];
}

/**
 * The attached media as found in the capture; `bytes` is null (fetched later from originalUrl, or
 * filled in by the X archive reader from the export's media folder).
 */
export function mediaOf(mediaEntities: JsonObject | null): NormalisedMedia[] {
  if (mediaEntities === null) return [];
  return optionalArray(mediaEntities, 'media').filter(isJsonObject).map(normaliseV1Media);
}

function normaliseV1Media(media: JsonObject): NormalisedMedia {
  const altText = optionalString(media, 'ext_alt_text');
  const type = optionalString(media, 'type');
  // video and animated_gif: media_url is only a still; the playable file is an mp4 variant.
  const variant = type === 'video' || type === 'animated_gif' ? bestMp4Variant(media) : null;
  const url = variant ?? optionalString(media, 'media_url_https') ?? optionalString(media, 'media_url');
  if (url === null) {
    return { originalUrl: null, mimeType: null, altText, bytes: null, missingReason: `${type ?? 'media'} entity without media_url_https or variants` };
  }
  return { originalUrl: url, mimeType: mimeTypeFromUrl(url), altText, bytes: null, missingReason: null };
}

function bestMp4Variant(media: JsonObject): string | null {
  let best: { url: string; bitrate: number } | null = null;
  const info = optionalObject(media, 'video_info');
  for (const variant of info === null ? [] : optionalArray(info, 'variants')) {
    if (!isJsonObject(variant) || optionalString(variant, 'content_type') !== 'video/mp4') continue;
    const url = optionalString(variant, 'url');
    const bitrate = Number(variant.bitrate ?? 0);
    if (url !== null && (best === null || bitrate > best.bitrate)) best = { url, bitrate: Number.isFinite(bitrate) ? bitrate : 0 };
  }
  return best?.url ?? null;
}
