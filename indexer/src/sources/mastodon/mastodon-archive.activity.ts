import { ItemKind, Platform, type NormalisedActor, type NormalisedItem, type NormalisedMedia } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import {
  hostOf,
  InvalidMastodonRecordError,
  nonEmptyString,
  optionalArray,
  optionalString,
  optionalTime,
  requireString,
  requireTime,
  unique,
} from './mastodon.fields.js';
import { htmlToText, linksInHtml } from './mastodon.html.js';
import { pollOptions, withPoll } from './mastodon.status.js';

/**
 * One activity of an account archive's outbox.json (ActivityStreams OrderedCollection, as
 * Mastodon's BackupService writes it): `Create` of a Note (or Question, a poll) → the post;
 * `Announce` → a repost whose object is only a URI. Ids are ActivityPub URIs throughout, the
 * same `uri` the REST API reports, so both sources name a status alike.
 */

export const AS_PUBLIC = new Set(['https://www.w3.org/ns/activitystreams#Public', 'as:Public', 'Public']);

/** Mastodon's own words: public, unlisted, private (followers only), direct. */
export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/**
 * public: addressed to as:Public; unlisted: as:Public only in cc; private: to the followers
 * collection; direct: to named actors only.
 */
export function visibilityOf(activity: JsonObject, followers: string | null): Visibility {
  const to = addressees(activity.to);
  const cc = addressees(activity.cc);
  if (to.some((a) => AS_PUBLIC.has(a))) return 'public';
  if (cc.some((a) => AS_PUBLIC.has(a))) return 'unlisted';
  const isFollowers = (a: string): boolean => a === followers || /\/followers$/.test(a);
  return [...to, ...cc].some(isFollowers) ? 'private' : 'direct';
}

function addressees(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((entry): entry is string => typeof entry === 'string');
}

/** An id-or-object reference (`inReplyTo`, `object`, `url`) as a string. */
export function referenceOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value)) return referenceOf(value[0]);
  if (isJsonObject(value)) return referenceOf(value.id) ?? referenceOf(value.href);
  return null;
}

/** Author from actor.json: its id, `preferredUsername@host` and name. */
export function actorOfJson(actor: JsonObject | null, fallbackId: string): NormalisedActor {
  if (actor === null || typeof actor.id !== 'string') return { platformActorId: fallbackId, handle: null, displayName: null };
  const username = nonEmptyString(actor, 'preferredUsername');
  const host = hostOf(actor.id);
  return {
    platformActorId: actor.id,
    handle: username === null ? null : host === null ? username : `${username}@${host}`,
    displayName: nonEmptyString(actor, 'name'),
  };
}

export interface ActivityContext {
  /** actor.json, when the archive has it. */
  actor: JsonObject | null;
  /** Raw format name (the folder and zip sources differ). */
  format: string;
  /** The media of a note's attachments, in order, already resolved (bytes read or reason why not). */
  media: NormalisedMedia[];
}

/**
 * @throws InvalidMastodonRecordError for an activity that cannot be an item; unsupported activity
 *   types (Update, Delete, Like…) are refused the same way, with the type in the message.
 */
export function normaliseActivity(activity: JsonObject, where: string, context: ActivityContext): NormalisedItem {
  const type = optionalString(activity, 'type');
  const actorId = referenceOf(activity.actor);
  const followers = context.actor === null ? null : optionalString(context.actor, 'followers');
  const visibility = visibilityOf(activity, followers);
  // The evidence keeps the activity as exported, with the visibility NormalisedItem has no field for.
  const raw = { format: context.format, body: JSON.stringify({ visibility, activity }) };

  if (type === 'Announce') {
    const object = referenceOf(activity.object);
    if (object === null) throw new InvalidMastodonRecordError(`${where} (Announce) has no object`);
    if (actorId === null) throw new InvalidMastodonRecordError(`${where} (Announce) has no actor`);
    return {
      platform: Platform.MASTODON,
      platformItemId: requireString(activity, 'id', where),
      kind: ItemKind.REPOST,
      author: actorOfJson(context.actor, actorId),
      createdAt: requireTime(activity, 'published', where),
      url: null,
      conversationPlatformId: null,
      inReplyToPlatformId: null,
      quotedPlatformId: null,
      repostOfPlatformId: object,
      content: { text: '', title: null, language: null, links: [], hashtags: [], mentions: [], media: [], warning: null },
      edit: null,
      raw,
    };
  }
  if (type !== 'Create')
    throw new InvalidMastodonRecordError(`${where} is a ${type ?? 'typeless'} activity; only Create and Announce are imported`);
  const note = activity.object;
  if (!isJsonObject(note)) throw new InvalidMastodonRecordError(`${where}.object is not an embedded object`);
  const noteType = optionalString(note, 'type');
  if (noteType !== 'Note' && noteType !== 'Question' && noteType !== 'Article')
    throw new InvalidMastodonRecordError(`${where}.object is a ${noteType ?? 'typeless'} object, not a Note`);

  const at = `${where}.object`;
  const author = referenceOf(note.attributedTo) ?? actorId;
  if (author === null) throw new InvalidMastodonRecordError(`${at} has no attributedTo and the activity no actor`);
  const inReplyTo = referenceOf(note.inReplyTo);
  const quoted = referenceOf(note.quote) ?? referenceOf(note.quoteUri) ?? referenceOf(note._misskey_quote);
  const updated = optionalTime(note, 'updated', at);
  const { html, language } = contentOf(note, at);
  return {
    platform: Platform.MASTODON,
    platformItemId: requireString(note, 'id', at),
    kind: inReplyTo !== null ? ItemKind.REPLY : quoted !== null ? ItemKind.QUOTE : ItemKind.POST,
    author: actorOfJson(context.actor, author),
    createdAt: note.published === undefined ? requireTime(activity, 'published', where) : requireTime(note, 'published', at),
    url: referenceOf(note.url),
    conversationPlatformId: null,
    inReplyToPlatformId: inReplyTo,
    quotedPlatformId: quoted,
    repostOfPlatformId: null,
    content: {
      text: withPoll(htmlToText(html), pollOptions(noteType === 'Question' ? note : null, 'name')),
      title: null,
      language,
      links: linksInHtml(html),
      hashtags: tagNames(note, 'Hashtag'),
      mentions: tagNames(note, 'Mention'),
      media: context.media,
      warning: nonEmptyString(note, 'summary'),
    },
    // An export holds only the current version; `updated` says it was edited, and when last.
    edit: updated === null ? null : { platformVersionId: null, editedAt: updated, position: null },
    raw,
  };
}

/** `content`, else the first of `contentMap` (whose key is the language). */
function contentOf(note: JsonObject, where: string): { html: string; language: string | null } {
  const map = isJsonObject(note.contentMap) ? Object.entries(note.contentMap) : [];
  const first = map.find(([, value]) => typeof value === 'string');
  const html = optionalString(note, 'content') ?? (first?.[1] as string | undefined);
  if (html === undefined) throw new InvalidMastodonRecordError(`${where} has no content`);
  return { html, language: first?.[0] ?? null };
}

/** Hashtag names without '#'; mentions as `user@host` (Mastodon writes `@user@host`, or `@user` for local). */
function tagNames(note: JsonObject, type: 'Hashtag' | 'Mention'): string[] {
  return unique(
    optionalArray(note, 'tag').flatMap((tag) => {
      if (!isJsonObject(tag) || tag.type !== type) return [];
      const name = optionalString(tag, 'name');
      if (name === null) return [];
      if (type === 'Hashtag') return [name.replace(/^#/, '')];
      const account = name.replace(/^@/, '');
      const host = hostOf(optionalString(tag, 'href'));
      return [account.includes('@') || host === null ? account : `${account}@${host}`];
    }),
  );
}

/** The media paths a Create's attachments name (Announce has none). */
export function attachmentsOf(activity: JsonObject): JsonObject[] {
  if (activity.type !== 'Create' || !isJsonObject(activity.object)) return [];
  return optionalArray(activity.object, 'attachment').filter(isJsonObject);
}
