import type { NormalisedItem, NormalisedMedia } from '@bewaard/schema';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The media bytes an archive holds: `data/<type>_media/<tweet id>-<file name>` (tweets_media,
 * deleted_tweets_media, community_tweet_media; tweet_media in older archives), where the file name
 * is the last segment of the media URL: `media_url_https` for photos, the mp4 variant for videos
 * and GIFs. Media of retweets, and media X left out of the export, are not there.
 */
export interface MediaFiles {
  read(name: string): Promise<Uint8Array | null>;
}

export const NOT_IN_EXPORT = 'not in the archive export';
const NO_EXPORT = 'read without the archive export around it (no media folder available)';

export function mediaFolderName(dataType: string): string {
  return `${dataType}_media`;
}

/** The media folder of an unpacked archive; a missing folder simply holds nothing. */
export async function folderMediaFiles(dir: string): Promise<MediaFiles> {
  const names = new Set(await readdir(dir).catch(() => []));
  return { read: async (name) => (names.has(name) ? readFile(join(dir, name)) : null) };
}

/** Fills in the bytes of every medium of an archive item, or says why there are none. */
export async function attachArchiveMedia(item: NormalisedItem, tweetId: string, files: MediaFiles | null): Promise<NormalisedItem> {
  if (item.content.media.length === 0) return item;
  const media = await Promise.all(item.content.media.map((medium) => withBytes(medium, tweetId, files)));
  return { ...item, content: { ...item.content, media } };
}

async function withBytes(medium: NormalisedMedia, tweetId: string, files: MediaFiles | null): Promise<NormalisedMedia> {
  if (medium.originalUrl === null) return medium;
  if (files === null) return { ...medium, missingReason: NO_EXPORT };
  const name = fileNameOf(medium.originalUrl);
  const bytes = name === null ? null : await files.read(`${tweetId}-${name}`);
  return bytes === null ? { ...medium, missingReason: NOT_IN_EXPORT } : { ...medium, bytes, missingReason: null };
}

function fileNameOf(url: string): string | null {
  try {
    return new URL(url).pathname.split('/').pop() || null;
  } catch {
    return null;
  }
}
