/**
 * Links, hashtags and mentions read from plain text, for platforms whose payloads carry no entity
 * lists (Graph API messages, Instagram captions, YouTube descriptions, LinkedIn and TikTok
 * exports). Shared by the meta, youtube, linkedin and tiktok sources.
 */

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;
// Closing punctuation glued to a URL in prose ("see https://x.nl/a." or "(https://x.nl/a)").
const TRAILING = /[.,;:!?…)\]}'"»”’]+$/u;
const HASHTAG = /(?:^|[^\p{L}\p{N}_&/#])#([\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)/gu;
const MENTION = /(?:^|[^\p{L}\p{N}_.@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)/gu;

export function linksInText(text: string): string[] {
  return unique([...text.matchAll(URL_PATTERN)].map((match) => match[0].replace(TRAILING, '')));
}

/** Hashtags without '#', in text order, each once. */
export function hashtagsInText(text: string): string[] {
  return unique([...text.matchAll(HASHTAG)].flatMap((match) => (match[1] ? [match[1]] : [])));
}

/** @handles without '@', in text order, each once (e-mail addresses are not mentions). */
export function mentionsInText(text: string): string[] {
  return unique([...text.matchAll(MENTION)].flatMap((match) => (match[1] ? [match[1]] : [])));
}

export function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
};

/** The MIME type implied by a URL's or path's file extension, ignoring any query string. */
export function mimeTypeOfPath(urlOrPath: string): string | null {
  const path = urlOrPath.replace(/[?#].*$/s, '');
  const extension = /\.([A-Za-z0-9]{2,5})$/.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? null : (MIME_BY_EXTENSION[extension] ?? null);
}
