import { ItemKind, Platform, type NormalisedActor, type NormalisedItem, type NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import {
  checkId,
  InvalidRecordError,
  optionalArray,
  optionalObject,
  optionalString,
  requireId,
  requireIsoTime,
  typedString,
} from './json-fields.js';
import { hashtagsInText, linksInText, mimeTypeOfPath, unique } from './text-entities.js';

/** Pure mappings of Graph API Facebook posts and comments to NormalisedItems. */

/** Post ids are `<page id>_<post id>`; comment ids `<post id>_<comment id>` or plain digits. */
export const FACEBOOK_ID = /^\d{1,25}(_\d{1,25})?$/;
export const META_GRAPH_FORMAT = 'meta-graph';

/** Where a comment sits: the post it belongs to and what it answers, when the capture says. */
export interface CommentContext {
  postId: string | null;
  parentId: string | null;
}

/**
 * @param pageOwnerIsAuthor true for the /posts and /published_posts edges, which only hold the
 *   page's own posts; /feed also holds visitor posts, so there a post without `from` is not
 *   attributed to the page (see actorOf).
 */
export function normaliseFacebookPost(
  post: JsonObject,
  where: string,
  pageOwnerIsAuthor: boolean,
  rawBody: string,
): NormalisedItem {
  const id = requireId(post, 'id', where, FACEBOOK_ID);
  const createdAt = requireIsoTime(post, 'created_time', where);
  const text = typedString(post, 'message', where) ?? '';
  const sharedId = checkId(post.parent_id, `${where}.parent_id`, FACEBOOK_ID);
  const attachments = attachmentContent(optionalArray(optionalObject(post, 'attachments') ?? {}, 'data'));
  const pageId = id.includes('_') ? (id.split('_')[0] ?? null) : null;
  const fallback = pageOwnerIsAuthor && pageId !== null ? pageId : `unknown:${id}`;

  // A share with its own words is a quote; a bare share is a repost.
  const kind = sharedId === null ? ItemKind.POST : text.trim() === '' ? ItemKind.REPOST : ItemKind.QUOTE;
  return {
    platform: Platform.FACEBOOK,
    platformItemId: id,
    kind,
    author: actorOf(post, where, fallback),
    createdAt,
    url: typedString(post, 'permalink_url', where),
    conversationPlatformId: id,
    inReplyToPlatformId: null,
    quotedPlatformId: kind === ItemKind.QUOTE ? sharedId : null,
    repostOfPlatformId: kind === ItemKind.REPOST ? sharedId : null,
    content: {
      text,
      title: null,
      language: null,
      links: unique([...linksInText(text), ...attachments.links]),
      hashtags: hashtagsInText(text),
      mentions: tagNames(post),
      media: attachments.media,
      warning: null,
    },
    // updated_time moves whenever someone comments, so it says nothing about edits.
    edit: null,
    raw: { format: META_GRAPH_FORMAT, body: rawBody },
  };
}

/**
 * A comment or reply. The Graph API leaves out `id` for apps without the MODERATE task on the page
 * (object_comments_p1.json): the id is then rebuilt from permalink_url as `<post id>_<comment id>`,
 * the form the API gives comment ids. The API also leaves out `from` for users who did not grant
 * the app permission; such an author becomes `unknown:<comment id>` with no handle or name.
 */
export function normaliseFacebookComment(
  comment: JsonObject,
  context: CommentContext,
  where: string,
  rawBody: string,
): NormalisedItem {
  const permalink = typedString(comment, 'permalink_url', where);
  const link = permalink === null ? null : commentPermalinkIds(permalink);
  const id = checkId(comment.id, `${where}.id`, FACEBOOK_ID) ?? link?.commentId ?? null;
  if (id === null) throw new InvalidRecordError(`${where} has no id, and no permalink_url naming the comment`);
  const parent = optionalObject(comment, 'parent');
  const parentId = parent === null ? null : requireId(parent, 'id', `${where}.parent`, FACEBOOK_ID);
  const conversation = link?.postId ?? context.postId;
  const text = typedString(comment, 'message', where) ?? '';
  const attachment = optionalObject(comment, 'attachment');
  const attached = attachmentContent(attachment === null ? [] : [attachment]);

  return {
    platform: Platform.FACEBOOK,
    platformItemId: id,
    kind: ItemKind.COMMENT,
    author: actorOf(comment, where, `unknown:${id}`),
    createdAt: requireIsoTime(comment, 'created_time', where),
    url: permalink,
    conversationPlatformId: conversation,
    inReplyToPlatformId: parentId ?? link?.parentCommentId ?? context.parentId ?? conversation,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text,
      title: null,
      language: null,
      links: unique([...linksInText(text), ...attached.links]),
      hashtags: hashtagsInText(text),
      mentions: tagNames(comment),
      media: attached.media,
      warning: null,
    },
    edit: null,
    raw: { format: META_GRAPH_FORMAT, body: rawBody },
  };
}

/** `from: {id, name}` when present; else the fallback id (see the callers for why). */
function actorOf(object: JsonObject, where: string, fallbackId: string): NormalisedActor {
  const from = optionalObject(object, 'from');
  if (from === null) return { platformActorId: fallbackId, handle: null, displayName: null };
  return {
    platformActorId: requireId(from, 'id', `${where}.from`, FACEBOOK_ID),
    handle: null, // the Graph API gives no usernames
    displayName: optionalString(from, 'name'),
  };
}

/** Tagged pages and people by name: Facebook tags have no @handle to record. */
function tagNames(object: JsonObject): string[] {
  const tags = optionalArray(object, 'message_tags').filter(isJsonObject);
  return unique(tags.map((tag) => optionalString(tag, 'name') ?? ''));
}

interface PermalinkIds {
  postId: string | null;
  commentId: string | null;
  parentCommentId: string | null;
}

/**
 * `…/<page id>/posts/<post id>/?comment_id=<c>&reply_comment_id=<r>` (or `permalink.php?
 * story_fbid=<post id>&id=<page id>&comment_id=…`): the post and, with its local id, the comment.
 */
export function commentPermalinkIds(permalink: string): PermalinkIds | null {
  let url: URL;
  try {
    url = new URL(permalink);
  } catch {
    return null;
  }
  const params = url.searchParams;
  const byPath = /\/(?:(\d+)|[^/]+)\/posts\/(\d+)/.exec(url.pathname);
  const pageId = byPath?.[1] ?? params.get('id');
  const localPost = byPath?.[2] ?? params.get('story_fbid');
  const numeric = (value: string | null | undefined): string | null =>
    value !== null && value !== undefined && /^\d+$/.test(value) ? value : null;
  const post = numeric(localPost);
  const page = numeric(pageId);
  const comment = numeric(params.get('comment_id'));
  const reply = numeric(params.get('reply_comment_id'));
  const local = (value: string | null): string | null => (post === null || value === null ? null : `${post}_${value}`);
  return {
    postId: post !== null && page !== null ? `${page}_${post}` : null,
    commentId: local(reply ?? comment),
    parentCommentId: reply === null ? null : local(comment),
  };
}

/**
 * Links and media of post attachments (and of an album's subattachments, which replace the album
 * cover). Link previews are links, not media of the post: their picture is Facebook's thumbnail.
 */
function attachmentContent(attachments: unknown[]): { links: string[]; media: NormalisedMedia[] } {
  const links: string[] = [];
  const media: NormalisedMedia[] = [];
  for (const attachment of attachments) {
    if (!isJsonObject(attachment)) continue;
    const subattachments = optionalArray(optionalObject(attachment, 'subattachments') ?? {}, 'data');
    if (subattachments.length > 0) {
      const nested = attachmentContent(subattachments);
      links.push(...nested.links);
      media.push(...nested.media);
      continue;
    }
    const type = optionalString(attachment, 'type') ?? '';
    const target = optionalObject(attachment, 'target');
    if (optionalString(attachment, 'media_type') === 'link' || type === 'share') {
      const url = optionalString(attachment, 'unshimmed_url') ?? optionalString(attachment, 'url') ?? (target && optionalString(target, 'url'));
      if (url !== null) links.push(url);
      continue;
    }
    const mediaObject = optionalObject(attachment, 'media');
    const image = mediaObject && optionalObject(mediaObject, 'image');
    const source = (mediaObject && optionalString(mediaObject, 'source')) ?? (image && optionalString(image, 'src'));
    if (source !== null) {
      media.push({ originalUrl: source, mimeType: mimeTypeOfPath(source), altText: null, bytes: null, missingReason: null });
    } else if (type !== '') {
      const url = optionalString(attachment, 'url');
      if (url !== null) links.push(url);
    }
  }
  return { links, media };
}
