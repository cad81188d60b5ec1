import { ItemKind, Platform, type NormalisedActor, type NormalisedItem, type NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import {
  checkId,
  optionalArray,
  optionalObject,
  optionalString,
  requireId,
  requireIsoTime,
  typedString,
} from './json-fields.js';
import { META_GRAPH_FORMAT, type CommentContext } from './graph.facebook.js';
import { hashtagsInText, linksInText, mentionsInText, mimeTypeOfPath } from './text-entities.js';

/** Pure mappings of Instagram Graph API media and comments to NormalisedItems. */

export const INSTAGRAM_ID = /^\d{1,25}$/;

/**
 * One `/{ig-user-id}/media` object. The author is `owner.id` when requested, else the IG user whose
 * media edge was listed (from the request URL or the page's paging links), else unknown.
 */
export function normaliseInstagramMedia(
  media: JsonObject,
  where: string,
  listedUserId: string | null,
  rawBody: string,
): NormalisedItem {
  const id = requireId(media, 'id', where, INSTAGRAM_ID);
  const owner = optionalObject(media, 'owner');
  const ownerId = owner === null ? null : checkId(owner.id, `${where}.owner.id`, INSTAGRAM_ID);
  const caption = typedString(media, 'caption', where) ?? '';
  const author: NormalisedActor = {
    platformActorId: ownerId ?? listedUserId ?? `unknown:${id}`,
    handle: optionalString(media, 'username') ?? (owner && optionalString(owner, 'username')),
    displayName: null,
  };
  return {
    platform: Platform.INSTAGRAM,
    platformItemId: id,
    kind: optionalString(media, 'media_product_type') === 'STORY' ? ItemKind.STORY : ItemKind.POST,
    author,
    createdAt: requireIsoTime(media, 'timestamp', where),
    url: typedString(media, 'permalink', where),
    conversationPlatformId: id,
    inReplyToPlatformId: null,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text: caption,
      title: null,
      language: null,
      links: linksInText(caption),
      hashtags: hashtagsInText(caption),
      mentions: mentionsInText(caption),
      media: mediaOf(media, where),
      warning: null,
    },
    edit: null,
    raw: { format: META_GRAPH_FORMAT, body: rawBody },
  };
}

/** An Instagram comment or reply (`/{ig-media-id}/comments`, inline `comments`, or `replies`). */
export function normaliseInstagramComment(
  comment: JsonObject,
  context: CommentContext,
  where: string,
  rawBody: string,
): NormalisedItem {
  const id = requireId(comment, 'id', where, INSTAGRAM_ID);
  const text = typedString(comment, 'text', where) ?? '';
  const from = optionalObject(comment, 'from');
  const fromId = from === null ? null : checkId(from.id, `${where}.from.id`, INSTAGRAM_ID);
  const mediaObject = optionalObject(comment, 'media');
  const mediaId = mediaObject === null ? null : checkId(mediaObject.id, `${where}.media.id`, INSTAGRAM_ID);
  const parentId = checkId(comment.parent_id, `${where}.parent_id`, INSTAGRAM_ID);
  const conversation = mediaId ?? context.postId;
  return {
    platform: Platform.INSTAGRAM,
    platformItemId: id,
    kind: ItemKind.COMMENT,
    // Without `from`, Instagram still gives `username`: the handle is known, the account id is not.
    author: {
      platformActorId: fromId ?? `unknown:${id}`,
      handle: (from && optionalString(from, 'username')) ?? optionalString(comment, 'username'),
      displayName: null,
    },
    createdAt: requireIsoTime(comment, 'timestamp', where),
    url: null, // Instagram comments have no permalink of their own
    conversationPlatformId: conversation,
    inReplyToPlatformId: parentId ?? context.parentId ?? conversation,
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
    edit: null,
    raw: { format: META_GRAPH_FORMAT, body: rawBody },
  };
}

/**
 * The pictures and videos of a media object: a carousel's children, else the object itself.
 * Instagram omits media_url for media with copyrighted music; that is said, not skipped.
 */
function mediaOf(media: JsonObject, where: string): NormalisedMedia[] {
  const children = optionalArray(optionalObject(media, 'children') ?? {}, 'data').filter(isJsonObject);
  const parts = children.length > 0 ? children : [media];
  return parts.map((part, index) => {
    const path = children.length > 0 ? `${where}.children.data[${index}]` : where;
    const url = typedString(part, 'media_url', path);
    const type = optionalString(part, 'media_type');
    return {
      originalUrl: url,
      mimeType: url === null ? null : (mimeTypeOfPath(url) ?? (type === 'VIDEO' ? 'video/mp4' : null)),
      altText: optionalString(part, 'alt_text'),
      bytes: null,
      missingReason: url === null ? `${path} has no media_url (Instagram leaves it out for media with copyrighted content)` : null,
    };
  });
}
