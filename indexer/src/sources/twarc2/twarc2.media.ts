import type { NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import { optionalArray, optionalString } from './twarc2.fields.js';

/**
 * API v2 media objects (includes.media, or inlined as attachments.media by `twarc2 flatten`)
 * to NormalisedMedia. The bytes are never in a twarc2 file: they are fetched later from
 * `originalUrl`, so `bytes` is null and `missingReason` is only set when there is nothing to fetch.
 */
export function normaliseMedia(mediaKey: string, media: JsonObject | undefined): NormalisedMedia {
  if (media === undefined || Object.keys(media).length === 0) {
    // The API expands media only for the requested tweets, not for those in includes.tweets;
    // twarc2 flatten writes {} for a key missing from includes.
    return missing(null, `media ${mediaKey} is attached but the capture holds no media object for it`);
  }
  const altText = optionalString(media, 'alt_text');
  const type = optionalString(media, 'type');
  const url = optionalString(media, 'url');

  if (type !== 'photo') {
    // video and animated_gif: the playable file is a variant; url/preview_image_url is a still.
    const variant = bestVideoVariant(media);
    if (variant !== null) return found(variant.url, variant.contentType, altText);
  }
  if (url !== null) return found(url, mimeTypeFromUrl(url), altText);
  const preview = optionalString(media, 'preview_image_url');
  if (preview !== null) return found(preview, mimeTypeFromUrl(preview), altText);
  return missing(
    altText,
    `media ${mediaKey} (${type ?? 'unknown type'}) has no url, variants or preview_image_url`,
  );
}

function found(originalUrl: string, mimeType: string | null, altText: string | null): NormalisedMedia {
  return { originalUrl, mimeType, altText, bytes: null, missingReason: null };
}

function missing(altText: string | null, reason: string): NormalisedMedia {
  return { originalUrl: null, mimeType: null, altText, bytes: null, missingReason: reason };
}

/** The mp4 with the highest bit rate (the HLS playlist is not a file one can keep). */
function bestVideoVariant(media: JsonObject): { url: string; contentType: string } | null {
  let best: { url: string; contentType: string; bitRate: number } | null = null;
  for (const variant of optionalArray(media, 'variants')) {
    if (!isJsonObject(variant)) continue;
    const url = optionalString(variant, 'url');
    const contentType = optionalString(variant, 'content_type');
    if (url === null || contentType !== 'video/mp4') continue;
    const bitRate = typeof variant.bit_rate === 'number' ? variant.bit_rate : 0;
    if (best === null || bitRate > best.bitRate) best = { url, contentType, bitRate };
  }
  return best === null ? null : { url: best.url, contentType: best.contentType };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

/** pbs.twimg.com URLs end in the extension (…/E_46ur4VkAEswOJ.jpg) or carry ?format=jpg. */
export function mimeTypeFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const extension = parsed.searchParams.get('format') ?? /\.([a-z0-9]+)$/i.exec(parsed.pathname)?.[1] ?? '';
  return MIME_BY_EXTENSION[extension.toLowerCase()] ?? null;
}
