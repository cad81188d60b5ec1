import type { NormalisedMedia } from '@bewaard/schema';
import { isJsonObject } from '../json.js';
import { nonEmptyString, optionalString } from './mastodon.fields.js';

/** An API capture holds media URLs only; the bytes are fetched later (or never, if gone). */
export const NOT_FETCHED = 'not fetched (API capture)';

/**
 * One MediaAttachment of the REST API (also inside a StatusEdit). `url` is the copy on the
 * instance that served the API; `remote_url` the original on the author's server, used when the
 * instance did not keep a copy (url null).
 */
export function apiAttachmentMedia(attachment: unknown, where: string): NormalisedMedia {
  if (!isJsonObject(attachment))
    return { originalUrl: null, mimeType: null, altText: null, bytes: null, missingReason: `${where} is not an object` };
  const url = optionalString(attachment, 'url') ?? optionalString(attachment, 'remote_url');
  const altText = nonEmptyString(attachment, 'description');
  const type = optionalString(attachment, 'type');
  if (url === null)
    return { originalUrl: null, mimeType: null, altText, bytes: null, missingReason: `${where} has no url or remote_url` };
  return { originalUrl: url, mimeType: mimeTypeOf(url, type), altText, bytes: null, missingReason: NOT_FETCHED };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  flac: 'audio/flac',
};

/**
 * The extension decides; the attachment type only helps for gifv, which Mastodon always
 * transcodes to mp4. Type "image" alone does not say which image format, so it gives no guess.
 */
export function mimeTypeOf(url: string, type: string | null): string | null {
  const path = url.replace(/[?#].*$/, '');
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[extension] ?? (type === 'gifv' ? 'video/mp4' : null);
}
