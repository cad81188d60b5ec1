import { ItemKind, Platform, type NormalisedContent, type NormalisedItem } from '@bewaard/schema';
import { isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import {
  InvalidMastodonRecordError,
  nonEmptyString,
  optionalArray,
  optionalLocalId,
  optionalObject,
  optionalString,
  optionalTime,
  requireLocalId,
  requireTime,
  unique,
} from './mastodon.fields.js';
import { hashtagsInHtml, htmlToText, linksInHtml, mentionsInHtml } from './mastodon.html.js';
import type { MastodonInstance } from './mastodon.instance.js';
import { apiAttachmentMedia } from './mastodon.media.js';

export const MASTODON_API_FORMAT = 'mastodon-api';

/**
 * A REST API Status to items: the status itself and, for a boost, the boosted status (kind
 * repost points at it, and it is the conversation around the capture), and for a quote post
 * (Mastodon 4.4+) the quoted status. Each is normalised on its own: a broken inner status is
 * quarantined without losing the outer one.
 */
export function normaliseStatusTree(status: unknown, instance: MastodonInstance, where: string): RecordBody[] {
  if (!isJsonObject(status)) return [quarantine(`${where} is not a JSON object`, safeStringify(status))];
  // The status's own record comes first: callers tell the captured status from its nested ones by that.
  const records: RecordBody[] = [attempt(() => normaliseStatus(status, instance, where), status)];
  const reblog = optionalObject(status, 'reblog');
  if (reblog !== null) records.push(...normaliseStatusTree(reblog, instance, `${where}.reblog`));
  const quoted = optionalObject(optionalObject(status, 'quote') ?? {}, 'quoted_status');
  if (quoted !== null) records.push(...normaliseStatusTree(quoted, instance, `${where}.quote.quoted_status`));
  return records;
}

/** An item, or the quarantine record that says why it could not be one. */
export function attempt(normalise: () => NormalisedItem, evidence: unknown): RecordBody {
  try {
    return { kind: 'item', item: normalise() };
  } catch (error) {
    if (!(error instanceof InvalidMastodonRecordError)) throw error;
    return quarantine(error.message, safeStringify(evidence));
  }
}

/**
 * platformItemId is the status `uri` (its ActivityPub id; the local `id` stays in raw). A
 * deleted-status response (DELETE /api/v1/statuses/:id) has the plain source `text` instead of
 * HTML `content`; it is read the same way, from that text.
 */
export function normaliseStatus(status: JsonObject, instance: MastodonInstance, where: string): NormalisedItem {
  requireLocalId(status, 'id', where);
  const platformItemId = nonEmptyString(status, 'uri') ?? nonEmptyString(status, 'url');
  if (platformItemId === null) throw new InvalidMastodonRecordError(`${where} has no uri or url`);
  const account = optionalObject(status, 'account');
  if (account === null) throw new InvalidMastodonRecordError(`${where} has no account`);
  const createdAt = requireTime(status, 'created_at', where);
  const editedAt = optionalTime(status, 'edited_at', where);
  const inReplyToId = optionalLocalId(status, 'in_reply_to_id', where);
  const inReplyToAccountId = optionalLocalId(status, 'in_reply_to_account_id', where);
  const reblog = optionalObject(status, 'reblog');
  const repostOf = reblog === null ? null : (nonEmptyString(reblog, 'uri') ?? nonEmptyString(reblog, 'url'));
  if (reblog !== null && repostOf === null) throw new InvalidMastodonRecordError(`${where}.reblog has no uri or url`);
  const quoted = quotedRef(status, instance, where);
  const inReplyTo = inReplyToId === null ? null : instance.statusRef(inReplyToId, inReplyToAccountId);

  return {
    platform: Platform.MASTODON,
    platformItemId,
    kind: repostOf !== null ? ItemKind.REPOST : inReplyToId !== null ? ItemKind.REPLY : quoted !== null ? ItemKind.QUOTE : ItemKind.POST,
    author: instance.actorOf(account, where),
    createdAt,
    url: nonEmptyString(status, 'url'),
    conversationPlatformId: null, // set per payload by ThreadIndex
    inReplyToPlatformId: inReplyTo,
    quotedPlatformId: quoted,
    repostOfPlatformId: repostOf,
    content: statusContent(status, instance, where, 'structured'),
    edit: editedAt === null ? null : { platformVersionId: null, editedAt, position: null },
    raw: { format: MASTODON_API_FORMAT, body: JSON.stringify(status) },
  };
}

/**
 * Text, links, tags, media and warning of a Status or a StatusEdit. A Status lists its hashtags
 * and mentions (`tags`, `mentions`) and preview `card`; a StatusEdit has only its HTML, so
 * ('html') they are read from the links in it.
 */
export function statusContent(
  status: JsonObject,
  instance: MastodonInstance,
  where: string,
  entities: 'structured' | 'html',
): NormalisedContent {
  const html = optionalString(status, 'content');
  const sourceText = html === null ? optionalString(status, 'text') : null;
  if (html === null && sourceText === null)
    throw new InvalidMastodonRecordError(`${where} has neither content nor text`);
  const body = html === null ? (sourceText ?? '') : htmlToText(html);
  const card = optionalObject(status, 'card');
  const cardUrl = card === null ? null : optionalString(card, 'url');
  return {
    text: withPoll(body, pollOptions(optionalObject(status, 'poll'), 'title')),
    title: null,
    language: nonEmptyString(status, 'language'),
    links: unique([...(html === null ? [] : linksInHtml(html)), ...(cardUrl === null ? [] : [cardUrl])]),
    hashtags: entities === 'html' ? hashtagsInHtml(html ?? '') : tagNames(status),
    mentions: entities === 'html' ? mentionsInHtml(html ?? '') : mentionedAccounts(status, instance),
    media: optionalArray(status, 'media_attachments').map((attachment, index) =>
      apiAttachmentMedia(attachment, `${where}.media_attachments[${index}]`),
    ),
    warning: nonEmptyString(status, 'spoiler_text'),
  };
}

/**
 * A poll is part of what was said (an edit may change only an option), so its options are
 * appended to the text, one per line, as the web interface shows them under the post.
 */
export function withPoll(text: string, options: string[]): string {
  if (options.length === 0) return text;
  const poll = options.map((option) => `○ ${option}`).join('\n');
  return text === '' ? poll : `${text}\n\n${poll}`;
}

/** Poll option titles: REST `poll.options[].title`, ActivityPub `oneOf|anyOf[].name`. */
export function pollOptions(poll: JsonObject | null, field: 'title' | 'name'): string[] {
  if (poll === null) return [];
  const options = field === 'title' ? optionalArray(poll, 'options') : [...optionalArray(poll, 'oneOf'), ...optionalArray(poll, 'anyOf')];
  return options.flatMap((option) => {
    const title = isJsonObject(option) ? optionalString(option, field) : null;
    return title === null ? [] : [title];
  });
}

function tagNames(status: JsonObject): string[] {
  return unique(
    optionalArray(status, 'tags').flatMap((tag) => {
      const name = isJsonObject(tag) ? optionalString(tag, 'name') : null;
      return name === null ? [] : [name.replace(/^#/, '')];
    }),
  );
}

function mentionedAccounts(status: JsonObject, instance: MastodonInstance): string[] {
  return unique(
    optionalArray(status, 'mentions').flatMap((mention) => {
      if (!isJsonObject(mention)) return [];
      const account = instance.qualify(optionalString(mention, 'acct') ?? optionalString(mention, 'username'), mention);
      return account === null ? [] : [account];
    }),
  );
}

/** Mastodon 4.4+ quote posts: `quote.quoted_status` (full) or `quote.quoted_status_id` (shallow). */
function quotedRef(status: JsonObject, instance: MastodonInstance, where: string): string | null {
  const quote = optionalObject(status, 'quote');
  if (quote === null) return null;
  const full = optionalObject(quote, 'quoted_status');
  if (full !== null) return nonEmptyString(full, 'uri') ?? nonEmptyString(full, 'url');
  const id = optionalLocalId(quote, 'quoted_status_id', `${where}.quote`);
  return id === null ? null : instance.statusRef(id);
}
