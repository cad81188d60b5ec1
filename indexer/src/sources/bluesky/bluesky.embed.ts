import type { NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import { nonEmptyString, optionalArray, optionalObject, optionalString, typeOf } from './bluesky.fields.js';
import { isPostUri } from './bluesky.uri.js';

/** An API capture holds media URLs only; the bytes are fetched later (or never, if gone). */
export const NOT_FETCHED = 'not fetched (API capture)';

/** What a post's embed adds: media, a link card, a quoted post (with its view, when hydrated). */
export interface EmbedParts {
  media: NormalisedMedia[];
  links: string[];
  quotedUri: string | null;
  /** The quoted post as the AppView hydrated it (embed.record#viewRecord), to archive as well. */
  quotedView: JsonObject | null;
}

const EMPTY: EmbedParts = { media: [], links: [], quotedUri: null, quotedView: null };

/**
 * From the hydrated view (`post.embed`, with CDN URLs) when there is one, else from the record's
 * own embed (blob references only: the image is known to exist, not where to get it).
 */
export function embedParts(view: unknown, recordEmbed: unknown): EmbedParts {
  return isJsonObject(view) ? fromView(view) : isJsonObject(recordEmbed) ? fromRecord(recordEmbed) : EMPTY;
}

function fromView(view: JsonObject): EmbedParts {
  switch (typeOf(view)) {
    case 'app.bsky.embed.images#view':
      return { ...EMPTY, media: optionalArray(view, 'images').filter(isJsonObject).map(imageView) };
    case 'app.bsky.embed.video#view':
      return { ...EMPTY, media: [videoView(view)] };
    case 'app.bsky.embed.external#view': {
      const uri = nonEmptyString(optionalObject(view, 'external') ?? {}, 'uri');
      return { ...EMPTY, links: uri === null ? [] : [uri] };
    }
    case 'app.bsky.embed.record#view':
      return quoteOfView(optionalObject(view, 'record'));
    case 'app.bsky.embed.recordWithMedia#view': {
      const media = fromView(optionalObject(view, 'media') ?? {});
      const quote = quoteOfView(optionalObject(optionalObject(view, 'record'), 'record'));
      return { ...media, quotedUri: quote.quotedUri, quotedView: quote.quotedView };
    }
    default:
      return EMPTY;
  }
}

/**
 * embed.record#view's record: a viewRecord (hydrated post), viewNotFound/viewBlocked/viewDetached
 * (the link stays, there is nothing to archive), or a feed generator/list/starter pack, which is
 * not a quote of a post.
 */
function quoteOfView(record: JsonObject | null): EmbedParts {
  const uri = record === null ? null : nonEmptyString(record, 'uri');
  if (uri === null || !isPostUri(uri)) return EMPTY;
  const hydrated = typeOf(record) === 'app.bsky.embed.record#viewRecord' || (isJsonObject(record?.value) && isJsonObject(record?.author));
  return { ...EMPTY, quotedUri: uri, quotedView: hydrated ? record : null };
}

function imageView(image: JsonObject): NormalisedMedia {
  const url = nonEmptyString(image, 'fullsize') ?? nonEmptyString(image, 'thumb');
  return {
    originalUrl: url,
    mimeType: url === null ? null : cdnMimeType(url),
    altText: nonEmptyString(image, 'alt'),
    bytes: null,
    missingReason: url === null ? 'the image view has no fullsize or thumb URL' : NOT_FETCHED,
  };
}

/** A video is served as an HLS playlist; the playlist URL is what the capture has. */
function videoView(video: JsonObject): NormalisedMedia {
  const url = nonEmptyString(video, 'playlist');
  return {
    originalUrl: url,
    mimeType: url === null ? null : 'application/vnd.apple.mpegurl',
    altText: nonEmptyString(video, 'alt'),
    bytes: null,
    missingReason: url === null ? 'the video view has no playlist URL' : NOT_FETCHED,
  };
}

/** Bluesky's CDN names the format after '@': …/bafkrei…@jpeg. */
function cdnMimeType(url: string): string | null {
  const format = /@([a-z0-9]+)$/i.exec(url)?.[1]?.toLowerCase();
  return format === 'jpeg' || format === 'jpg' ? 'image/jpeg' : format === 'png' ? 'image/png' : format === 'webp' ? 'image/webp' : null;
}

function fromRecord(embed: JsonObject): EmbedParts {
  switch (typeOf(embed)) {
    case 'app.bsky.embed.images':
      return {
        ...EMPTY,
        media: optionalArray(embed, 'images').filter(isJsonObject).map((image) => blobMedia(image, 'image')),
      };
    case 'app.bsky.embed.video':
      return { ...EMPTY, media: [blobMedia(embed, 'video')] };
    case 'app.bsky.embed.external': {
      const uri = nonEmptyString(optionalObject(embed, 'external') ?? {}, 'uri');
      return { ...EMPTY, links: uri === null ? [] : [uri] };
    }
    case 'app.bsky.embed.record':
      return quoteOfRecord(optionalObject(embed, 'record'));
    case 'app.bsky.embed.recordWithMedia':
      return {
        ...fromRecord(optionalObject(embed, 'media') ?? {}),
        quotedUri: quoteOfRecord(optionalObject(optionalObject(embed, 'record'), 'record')).quotedUri,
      };
    default:
      return EMPTY;
  }
}

function quoteOfRecord(strongRef: JsonObject | null): EmbedParts {
  const uri = strongRef === null ? null : nonEmptyString(strongRef, 'uri');
  return uri !== null && isPostUri(uri) ? { ...EMPTY, quotedUri: uri } : EMPTY;
}

function blobMedia(holder: JsonObject, field: 'image' | 'video'): NormalisedMedia {
  const blob = optionalObject(holder, field);
  const cid = optionalString(optionalObject(blob, 'ref') ?? {}, '$link');
  return {
    originalUrl: null,
    mimeType: blob === null ? null : optionalString(blob, 'mimeType'),
    altText: nonEmptyString(holder, 'alt'),
    bytes: null,
    missingReason: `the capture has no hydrated view of this ${field}, only blob ${cid ?? '(no cid)'}; it must be fetched from the author's PDS`,
  };
}
