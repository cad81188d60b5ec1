import { ItemKind, Platform, type NormalisedActor, type NormalisedItem } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import { parseAtprotoDatetime } from './bluesky.datetime.js';
import { embedParts, type EmbedParts } from './bluesky.embed.js';
import {
  InvalidBlueskyRecordError,
  nonEmptyString,
  optionalArray,
  optionalObject,
  optionalString,
  unique,
} from './bluesky.fields.js';
import { parseAtUri, POST_COLLECTION, postWebUrl } from './bluesky.uri.js';

export const BLUESKY_API_FORMAT = 'bluesky-api';

/**
 * One post view (app.bsky.feed.defs#postView, or an embed's #viewRecord, whose record is under
 * `value` and embeds under `embeds`) to an item. platformItemId is the AT URI; the time is the
 * author's `record.createdAt` (indexedAt is when the AppView saw it, and only stands in when
 * createdAt is unreadable). Bluesky posts cannot be edited: edit is null.
 *
 * @returns the item and the quoted post's view, when the embed carries a hydrated one.
 */
export function normalisePostView(view: JsonObject, where: string): { item: NormalisedItem; quotedView: JsonObject | null } {
  const uri = nonEmptyString(view, 'uri');
  if (uri === null) throw new InvalidBlueskyRecordError(`${where} has no uri`);
  const parsed = parseAtUri(uri);
  if (parsed === null || parsed.collection !== POST_COLLECTION)
    throw new InvalidBlueskyRecordError(`${where}.uri is not the AT URI of a post: ${JSON.stringify(uri)}`);
  const author = actorOf(optionalObject(view, 'author'), `${where}.author`);
  const record = optionalObject(view, 'record') ?? optionalObject(view, 'value');
  if (record === null) throw new InvalidBlueskyRecordError(`${where} has no record`);
  const text = optionalString(record, 'text');
  if (text === null) throw new InvalidBlueskyRecordError(`${where}.record has no text`);

  const reply = optionalObject(record, 'reply');
  const parent = reply === null ? null : nonEmptyString(optionalObject(reply, 'parent') ?? {}, 'uri');
  const root = reply === null ? null : nonEmptyString(optionalObject(reply, 'root') ?? {}, 'uri');
  if (reply !== null && parent === null) throw new InvalidBlueskyRecordError(`${where}.record.reply has no parent uri`);
  const embedView = view.embed ?? optionalArray(view, 'embeds')[0];
  const embed = embedParts(embedView, record.embed);
  const facets = facetsOf(record, text);

  return {
    item: {
      platform: Platform.BLUESKY,
      platformItemId: uri,
      kind: parent !== null ? ItemKind.REPLY : embed.quotedUri !== null ? ItemKind.QUOTE : ItemKind.POST,
      author,
      createdAt: postTime(record, view, where),
      url: postWebUrl(author.handle, author.platformActorId, parsed.rkey),
      conversationPlatformId: parent === null ? uri : (root ?? null),
      inReplyToPlatformId: parent,
      quotedPlatformId: embed.quotedUri,
      repostOfPlatformId: null,
      content: contentOf(record, text, facets, embed),
      edit: null,
      raw: { format: BLUESKY_API_FORMAT, body: JSON.stringify(view) },
    },
    quotedView: embed.quotedView,
  };
}

/**
 * A feed entry with `reason: app.bsky.feed.defs#reasonRepost`: `reason.by` reposted the post.
 * The feed does not give the repost record's own URI in every AppView version, so the item is
 * named `<post uri>#repost-by-<did>`: one per reposter and post, stable across captures.
 * Its time is reason.indexedAt, when the AppView saw the repost.
 */
export function repostItem(entry: JsonObject, post: NormalisedItem, where: string): NormalisedItem {
  const reason = optionalObject(entry, 'reason') ?? {};
  const by = actorOf(optionalObject(reason, 'by'), `${where}.by`);
  const indexedAt = optionalString(reason, 'indexedAt');
  const createdAt = indexedAt === null ? null : parseAtprotoDatetime(indexedAt);
  if (createdAt === null)
    throw new InvalidBlueskyRecordError(
      indexedAt === null ? `${where} has no indexedAt, so the repost cannot be dated` : `${where}.indexedAt is not a datetime: ${JSON.stringify(indexedAt)}`,
    );
  return {
    platform: Platform.BLUESKY,
    platformItemId: `${post.platformItemId}#repost-by-${by.platformActorId}`,
    kind: ItemKind.REPOST,
    author: by,
    createdAt,
    url: null,
    conversationPlatformId: null,
    inReplyToPlatformId: null,
    quotedPlatformId: null,
    repostOfPlatformId: post.platformItemId,
    content: { text: '', title: null, language: null, links: [], hashtags: [], mentions: [], media: [], warning: null },
    edit: null,
    raw: { format: BLUESKY_API_FORMAT, body: JSON.stringify(entry) },
  };
}

export function actorOf(author: JsonObject | null, where: string): NormalisedActor {
  const did = author === null ? null : nonEmptyString(author, 'did');
  if (author === null || did === null || !did.startsWith('did:')) throw new InvalidBlueskyRecordError(`${where} has no did`);
  return { platformActorId: did, handle: nonEmptyString(author, 'handle'), displayName: nonEmptyString(author, 'displayName') };
}

function postTime(record: JsonObject, view: JsonObject, where: string): Date {
  for (const value of [optionalString(record, 'createdAt'), optionalString(view, 'indexedAt')]) {
    const parsed = value === null ? null : parseAtprotoDatetime(value);
    if (parsed !== null) return parsed;
  }
  throw new InvalidBlueskyRecordError(`${where} has no readable record.createdAt or indexedAt: ${JSON.stringify(record.createdAt)}`);
}

interface Facets {
  links: string[];
  hashtags: string[];
  mentions: string[];
}

/**
 * Rich-text facets: links (#link uri), hashtags (#tag) and mentions (#mention did). A mention is
 * recorded as the handle written in the text at the facet's byte range (what a reader searches
 * for), or the DID when that text is not an @handle.
 */
function facetsOf(record: JsonObject, text: string): Facets {
  const bytes = Buffer.from(text, 'utf8');
  const facets: Facets = { links: [], hashtags: [], mentions: [] };
  for (const facet of optionalArray(record, 'facets')) {
    if (!isJsonObject(facet)) continue;
    const index = optionalObject(facet, 'index');
    for (const feature of optionalArray(facet, 'features')) {
      if (!isJsonObject(feature)) continue;
      const type = optionalString(feature, '$type');
      if (type === 'app.bsky.richtext.facet#link') push(facets.links, optionalString(feature, 'uri'));
      else if (type === 'app.bsky.richtext.facet#tag') push(facets.hashtags, optionalString(feature, 'tag')?.replace(/^#/, '') ?? null);
      else if (type === 'app.bsky.richtext.facet#mention') push(facets.mentions, mentionText(bytes, index) ?? optionalString(feature, 'did'));
    }
  }
  return facets;
}

function mentionText(bytes: Buffer, index: JsonObject | null): string | null {
  const start = index?.byteStart;
  const end = index?.byteEnd;
  if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end > bytes.length || start >= end) return null;
  const written = bytes.subarray(start, end).toString('utf8');
  return /^@[a-zA-Z0-9.-]+$/.test(written) ? written.slice(1) : null;
}

function push(list: string[], value: string | null): void {
  if (value !== null && value !== '') list.push(value);
}

function contentOf(record: JsonObject, text: string, facets: Facets, embed: EmbedParts): NormalisedItem['content'] {
  const langs = optionalArray(record, 'langs');
  return {
    text,
    title: null,
    language: typeof langs[0] === 'string' && langs[0] !== '' ? langs[0] : null,
    links: unique([...facets.links, ...embed.links]),
    hashtags: unique([...facets.hashtags, ...optionalArray(record, 'tags').filter((t): t is string => typeof t === 'string')]),
    mentions: unique(facets.mentions),
    media: embed.media,
    // Self-labels (record.labels) such as "graphic-media" are the nearest thing to a content
    // warning, but they are labels, not text shown before the post; they stay in raw.
    warning: null,
  };
}
