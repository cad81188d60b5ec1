import { ItemKind, Platform, type NormalisedItem, type NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import type { DyiKind } from './dyi.classify.js';
import { repairMojibakeDeep } from './dyi.mojibake.js';
import { epochSeconds, InvalidRecordError, optionalArray, optionalObject, optionalString } from './json-fields.js';
import { hashtagsInText, linksInText, mentionsInText, mimeTypeOfPath, unique } from './text-entities.js';

/**
 * Pure mapping of one DYI entry to a NormalisedItem. Text is repaired (see dyi.mojibake.ts); the
 * raw body keeps the entry exactly as exported, mojibake included.
 *
 * Identity: DYI files carry no platform ids, so items get a synthetic id from the publication time,
 * `dyi-post:<epoch seconds>` / `dyi-comment:<epoch seconds>`, with `#2`, `#3` for entries of the
 * same second in one file (file order). The id is stable across re-imports and across later exports
 * of the same account, but cannot be matched to the Graph API's id of the same post.
 *
 * Author: everything in these files was posted by the account that requested the export. Its id is
 * not in them, so the author is `export-owner`; the display name is taken from `author` where an
 * entry has one (comments do).
 */

export const META_DYI_FORMAT = 'meta-dyi';
export const EXPORT_OWNER = 'export-owner';

/** A NormalisedItem whose listed media still need their bytes read from the export folder. */
export interface DyiItem {
  item: NormalisedItem;
  /** `uri` of each entry of item.content.media, in the same order. */
  mediaUris: string[];
}

export function normaliseDyiEntry(kind: DyiKind, original: JsonObject, id: string, where: string): DyiItem {
  const entry = repairMojibakeDeep(original) as JsonObject;
  const raw = JSON.stringify({ dyi: kind, entry: original });
  switch (kind) {
    case 'facebook-posts':
      return facebookPost(entry, id, where, raw);
    case 'facebook-comments':
      return facebookComment(entry, id, where, raw);
    case 'instagram-posts':
    case 'instagram-reels':
      return instagramPost(entry, kind, id, where, raw);
  }
}

/** The time that names an entry in its synthetic id, read before normalising to count collisions. */
export function entryTime(kind: DyiKind, entry: JsonObject, where: string): number {
  const date = createdAtOf(kind, entry, where);
  return date.getTime() / 1000;
}

export function syntheticIdPrefix(kind: DyiKind): string {
  return kind === 'facebook-comments' ? 'dyi-comment' : 'dyi-post';
}

function createdAtOf(kind: DyiKind, entry: JsonObject, where: string): Date {
  if (kind === 'facebook-posts') return epochSeconds(entry.timestamp, `${where}.timestamp`);
  if (kind === 'facebook-comments') {
    const comment = commentOf(entry);
    const value = comment !== null && comment.timestamp !== undefined ? comment.timestamp : entry.timestamp;
    return epochSeconds(value, `${where}.timestamp`);
  }
  const first = optionalArray(entry, 'media').find(isJsonObject);
  const value = entry.creation_timestamp ?? first?.creation_timestamp;
  return epochSeconds(value, `${where}.creation_timestamp`);
}

function facebookPost(entry: JsonObject, id: string, where: string, raw: string): DyiItem {
  const createdAt = createdAtOf('facebook-posts', entry, where);
  const data = optionalArray(entry, 'data').filter(isJsonObject);
  const text = data.flatMap((part) => optionalString(part, 'post') ?? []).join('\n\n');
  const updated = data.find((part) => typeof part.update_timestamp === 'number')?.update_timestamp;
  const edited = typeof updated === 'number' && updated > 0 && updated !== entry.timestamp;
  const attached = attachmentsOf(entry);
  return dyiItem(Platform.FACEBOOK, ItemKind.POST, id, createdAt, text, attached, raw, null, {
    editedAt: edited ? epochSeconds(updated, `${where}.data.update_timestamp`) : null,
  });
}

function facebookComment(entry: JsonObject, id: string, where: string, raw: string): DyiItem {
  const comment = commentOf(entry);
  if (comment === null) throw new InvalidRecordError(`${where} has no data[].comment`);
  const createdAt = createdAtOf('facebook-comments', entry, where);
  const text = optionalString(comment, 'comment') ?? '';
  return dyiItem(Platform.FACEBOOK, ItemKind.COMMENT, id, createdAt, text, attachmentsOf(entry), raw, optionalString(comment, 'author'), {
    editedAt: null,
  });
}

function instagramPost(entry: JsonObject, kind: DyiKind, id: string, where: string, raw: string): DyiItem {
  const parts = optionalArray(entry, 'media').filter(isJsonObject);
  if (parts.length === 0) throw new InvalidRecordError(`${where} has no media`);
  const createdAt = createdAtOf(kind, entry, where);
  // A single-picture post keeps its caption on the picture; an album on the entry.
  const text = optionalString(entry, 'title') ?? optionalString(parts[0] ?? {}, 'title') ?? '';
  const media = parts.flatMap((part) => {
    const uri = optionalString(part, 'uri');
    return uri === null ? [] : [{ uri, altText: null }];
  });
  const itemKind = kind === 'instagram-reels' ? ItemKind.VIDEO : ItemKind.POST;
  return dyiItem(Platform.INSTAGRAM, itemKind, id, createdAt, text, { links: [], media }, raw, null, { editedAt: null });
}

function commentOf(entry: JsonObject): JsonObject | null {
  for (const part of optionalArray(entry, 'data')) {
    const comment = isJsonObject(part) ? optionalObject(part, 'comment') : null;
    if (comment !== null) return comment;
  }
  return null;
}

interface Attached {
  links: string[];
  media: Array<{ uri: string; altText: string | null }>;
}

/** `attachments[].data[]`: `media` (uri, description), `external_context` (url), `note.media[]`. */
function attachmentsOf(entry: JsonObject): Attached {
  const attached: Attached = { links: [], media: [] };
  for (const attachment of optionalArray(entry, 'attachments')) {
    if (!isJsonObject(attachment)) continue;
    for (const part of optionalArray(attachment, 'data')) {
      if (!isJsonObject(part)) continue;
      const note = optionalObject(part, 'note');
      const mediaObjects = [optionalObject(part, 'media'), ...optionalArray(note ?? {}, 'media').filter(isJsonObject)];
      for (const media of mediaObjects) {
        const uri = media && optionalString(media, 'uri');
        if (uri) attached.media.push({ uri, altText: null });
      }
      const context = optionalObject(part, 'external_context');
      const url = context && optionalString(context, 'url');
      if (url) attached.links.push(url);
    }
  }
  return attached;
}

function dyiItem(
  platform: Platform,
  kind: ItemKind,
  id: string,
  createdAt: Date,
  text: string,
  attached: Attached,
  raw: string,
  authorName: string | null,
  version: { editedAt: Date | null },
): DyiItem {
  const media: NormalisedMedia[] = attached.media.map(({ uri, altText }) => ({
    originalUrl: null,
    mimeType: mimeTypeOfPath(uri),
    altText,
    bytes: null,
    missingReason: null,
  }));
  const item: NormalisedItem = {
    platform,
    platformItemId: id,
    kind,
    author: { platformActorId: EXPORT_OWNER, handle: null, displayName: authorName },
    createdAt,
    url: null, // DYI files do not link to the post
    conversationPlatformId: kind === ItemKind.COMMENT ? null : id,
    inReplyToPlatformId: null, // comments.json names the post's author in prose only
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text,
      title: null,
      language: null,
      links: unique([...linksInText(text), ...attached.links]),
      hashtags: hashtagsInText(text),
      mentions: platform === Platform.INSTAGRAM ? mentionsInText(text) : [],
      media,
      warning: null,
    },
    edit: version.editedAt === null ? null : { platformVersionId: null, editedAt: version.editedAt, position: null },
    raw: { format: META_DYI_FORMAT, body: raw },
  };
  return { item, mediaUris: attached.media.map((media) => media.uri) };
}
