import { ItemKind, Platform, type NormalisedItem, type NormalisedMedia } from '@bewaard/schema';
import type { JsonObject } from '../json.js';
import {
  InvalidRecordError,
  optionalObject,
  optionalString,
  requireId,
  requireIsoTime,
  parseIsoTime,
  typedString,
  checkId,
} from '../meta/json-fields.js';
import { hashtagsInText, linksInText, mentionsInText, mimeTypeOfPath } from '../meta/text-entities.js';

/** Pure mappings of YouTube Data API v3 video and comment resources to NormalisedItems. */

export const YOUTUBE_FORMAT = 'youtube-data-api';
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** Top-level comment ids, and reply ids `<parent id>.<reply id>`. */
const COMMENT_ID = /^[A-Za-z0-9_-]{1,100}(\.[A-Za-z0-9_-]{1,100})?$/;
const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const THUMBNAIL_SIZES = ['maxres', 'standard', 'high', 'medium', 'default'];

export function normaliseVideo(video: JsonObject, where: string, rawBody: string): NormalisedItem {
  const id = requireId(video, 'id', where, VIDEO_ID);
  const snippet = optionalObject(video, 'snippet');
  if (snippet === null) throw new InvalidRecordError(`${where} has no snippet (request part=snippet)`);
  const path = `${where}.snippet`;
  const title = typedString(snippet, 'title', path) ?? '';
  const description = typedString(snippet, 'description', path) ?? '';
  const text = description === '' ? title : `${title}\n\n${description}`;
  return {
    platform: Platform.YOUTUBE,
    platformItemId: id,
    kind: ItemKind.VIDEO,
    author: {
      platformActorId: requireId(snippet, 'channelId', path, CHANNEL_ID),
      handle: null, // videos.list gives the channel's title, not its @handle
      displayName: optionalString(snippet, 'channelTitle'),
    },
    createdAt: requireIsoTime(snippet, 'publishedAt', path),
    url: `https://www.youtube.com/watch?v=${id}`,
    conversationPlatformId: id,
    inReplyToPlatformId: null,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text,
      title,
      language: optionalString(snippet, 'defaultLanguage'),
      links: linksInText(description),
      hashtags: hashtagsInText(text),
      mentions: mentionsInText(text),
      media: largestThumbnail(snippet),
      warning: null,
    },
    edit: null, // videos carry no edit time
    raw: { format: YOUTUBE_FORMAT, body: rawBody },
  };
}

/** Where a comment was found: the video and the top-level comment, when the response says. */
export interface CommentPlace {
  videoId: string | null;
  parentId: string | null;
}

/**
 * A top-level comment (kind comment, answering the video) or a reply (kind reply, answering its
 * top-level comment); the conversation is the video. textOriginal is the text as written;
 * textDisplay is HTML and only used when textOriginal is missing. A comment whose updatedAt differs
 * from publishedAt was edited: editedAt is then updatedAt (this capture shows the edited text).
 */
export function normaliseComment(comment: JsonObject, place: CommentPlace, where: string, rawBody: string): NormalisedItem {
  const id = requireId(comment, 'id', where, COMMENT_ID);
  const snippet = optionalObject(comment, 'snippet');
  if (snippet === null) throw new InvalidRecordError(`${where} has no snippet`);
  const path = `${where}.snippet`;
  const videoId = checkId(snippet.videoId, `${path}.videoId`, VIDEO_ID) ?? place.videoId;
  const parentId = checkId(snippet.parentId, `${path}.parentId`, COMMENT_ID) ?? place.parentId;
  const original = typedString(snippet, 'textOriginal', path);
  const display = typedString(snippet, 'textDisplay', path);
  const text = original ?? (display === null ? '' : htmlToText(display));
  const publishedAt = requireIsoTime(snippet, 'publishedAt', path);
  const updatedText = typedString(snippet, 'updatedAt', path);
  const updatedAt = updatedText === null ? null : parseIsoTime(updatedText);
  if (updatedText !== null && updatedAt === null)
    throw new InvalidRecordError(`${path}.updatedAt is not a timestamp: ${JSON.stringify(updatedText)}`);
  const channel = optionalObject(snippet, 'authorChannelId');
  const channelId = channel === null ? null : checkId(channel.value, `${path}.authorChannelId.value`, CHANNEL_ID);
  const displayName = optionalString(snippet, 'authorDisplayName');

  return {
    platform: Platform.YOUTUBE,
    platformItemId: id,
    kind: parentId === null ? ItemKind.COMMENT : ItemKind.REPLY,
    author: {
      // Comments by deleted or hidden channels come without authorChannelId.
      platformActorId: channelId ?? `unknown:${id}`,
      handle: handleOf(displayName, optionalString(snippet, 'authorChannelUrl')),
      displayName,
    },
    createdAt: publishedAt,
    url: videoId === null ? null : `https://www.youtube.com/watch?v=${videoId}&lc=${id}`,
    conversationPlatformId: videoId,
    inReplyToPlatformId: parentId ?? videoId,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text,
      title: null,
      language: null,
      links: linksInText(text),
      hashtags: hashtagsInText(text),
      mentions: mentionsInText(text),
      media: [],
      warning: null,
    },
    edit:
      updatedAt !== null && updatedAt.getTime() !== publishedAt.getTime()
        ? { platformVersionId: null, editedAt: updatedAt, position: null }
        : null,
    raw: { format: YOUTUBE_FORMAT, body: rawBody },
  };
}

/** Since 2023 the display name is the @handle; older comments show a name and a /channel/ URL. */
function handleOf(displayName: string | null, channelUrl: string | null): string | null {
  if (displayName?.startsWith('@')) return displayName.slice(1);
  const fromUrl = channelUrl === null ? null : /\/@([^/?#]+)/.exec(channelUrl)?.[1];
  return fromUrl === undefined || fromUrl === null ? null : decodeURIComponent(fromUrl);
}

function largestThumbnail(snippet: JsonObject): NormalisedMedia[] {
  const thumbnails = optionalObject(snippet, 'thumbnails');
  for (const size of THUMBNAIL_SIZES) {
    const thumbnail = thumbnails && optionalObject(thumbnails, size);
    const url = thumbnail && optionalString(thumbnail, 'url');
    if (url) return [{ originalUrl: url, mimeType: mimeTypeOfPath(url), altText: null, bytes: null, missingReason: null }];
  }
  return [];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** textDisplay: `<br>` for line breaks, `<a>` around links and hashtags, HTML entities. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (match, name: string) => {
      if (!name.startsWith('#')) return ENTITIES[name.toLowerCase()] ?? match;
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : match;
    });
}
