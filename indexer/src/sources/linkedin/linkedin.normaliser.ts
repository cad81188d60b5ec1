import { ItemKind, Platform, type NormalisedItem } from '@bewaard/schema';
import { InvalidRecordError } from '../meta/json-fields.js';
import { hashtagsInText, linksInText, mimeTypeOfPath, unique } from '../meta/text-entities.js';

/**
 * Pure mapping of rows of a LinkedIn member export ("Get a copy of your data") to NormalisedItems:
 * Shares.csv (Date, ShareLink, ShareCommentary, SharedUrl, MediaUrl, Visibility) → posts, and
 * Comments.csv (Date, Link, Message) → comments.
 *
 * Time zone: `Date` has none written, and it is UTC. This is checked, not assumed: LinkedIn
 * share and ugcPost ids carry their creation time in the bits above bit 22 (milliseconds since
 * 1970, UTC), and for all 201 such rows of the real Shares.csv fixture, written by a member in
 * India (UTC+5:30), Date equals that time to the second (see linkedin.reader.test.ts).
 *
 * Author: the member who requested the export; the files do not say who that is, so every item
 * is by `linkedin-export-owner`.
 */

export const LINKEDIN_FORMAT = 'linkedin-export';
export const EXPORT_OWNER = 'linkedin-export-owner';

export type LinkedinFile = 'Shares.csv' | 'Comments.csv';

const SHARE_COLUMNS = ['Date', 'ShareLink', 'ShareCommentary'];
const COMMENT_COLUMNS = ['Date', 'Link', 'Message'];

export function linkedinFileOfHeader(header: string[]): LinkedinFile | null {
  const names = new Set(header.map((name) => name.trim()));
  if (SHARE_COLUMNS.every((name) => names.has(name))) return 'Shares.csv';
  if (COMMENT_COLUMNS.every((name) => names.has(name)) && names.size === COMMENT_COLUMNS.length) return 'Comments.csv';
  return null;
}

/**
 * The post a LinkedIn URL names, as its URN: `/feed/update/urn:li:activity:<n>` (percent-encoded
 * in exports) or a public `/posts/<slug>-activity-<n>-<x>` URL. The URN type is kept: a share's
 * number and the number of the activity that carries it are different ids of the same post.
 */
export function urnOfLink(link: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(link);
  } catch {
    decoded = link;
  }
  const urn = /urn:li:([A-Za-z]+):([0-9][0-9-]*)/.exec(decoded);
  if (urn) return `urn:li:${urn[1]}:${urn[2]}`;
  const slug = /\/posts\/[^/?#]*-(activity|share|ugcPost)-(\d+)-/.exec(decoded);
  return slug ? `urn:li:${slug[1]}:${slug[2]}` : null;
}

export function parseExportDate(value: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/**
 * LinkedIn writes a multi-line commentary as its lines wrapped in quotes and joined by newlines,
 * which after CSV decoding leaves `first line"\n"second line"\n""\n"last line`. Undone only when
 * every newline sits between such quotes; other text is returned as it is.
 */
export function unwrapLineQuotes(text: string): string {
  const newlines = text.split('\n').length - 1;
  if (newlines === 0 || text.split('"\n"').length - 1 !== newlines) return text;
  return text.split('"\n"').join('\n');
}

export type Row = Record<string, string>;

/**
 * One post from its rows: LinkedIn writes a post with several media (a link's preview in each
 * size, an album) as that many consecutive rows differing only in MediaUrl, so the reader hands
 * them over together. Date, link and text come from the first row.
 */
export function normaliseShare(rows: Row[], rawBody: string): NormalisedItem {
  const first = rows[0] ?? {};
  const link = first.ShareLink ?? '';
  const id = urnOfLink(link);
  if (id === null) throw new InvalidRecordError(`ShareLink ${JSON.stringify(link)} names no post (no urn:li:… id)`);
  const text = unwrapLineQuotes(first.ShareCommentary ?? '');
  const column = (name: string): string[] => unique(rows.map((row) => (row[name] ?? '').trim()));
  return item(id, ItemKind.POST, dateOf(first), link, null, text, column('SharedUrl'), column('MediaUrl'), rawBody);
}

/** A comment has no id in the export: `export-comment:<post urn>@<time>`, see the reader. */
export function normaliseComment(row: Row, id: string, rawBody: string): NormalisedItem {
  const post = urnOfLink(row.Link ?? '');
  return item(id, ItemKind.COMMENT, dateOf(row), null, post, unwrapLineQuotes(row.Message ?? ''), [], [], rawBody);
}

export function dateOf(row: Row): Date {
  const date = parseExportDate(row.Date ?? '');
  if (date === null) throw new InvalidRecordError(`Date ${JSON.stringify(row.Date ?? '')} is not a "YYYY-MM-DD HH:MM:SS" time`);
  return date;
}

function item(
  id: string,
  kind: ItemKind,
  createdAt: Date,
  url: string | null,
  inReplyTo: string | null,
  text: string,
  extraLinks: string[],
  mediaUrls: string[],
  rawBody: string,
): NormalisedItem {
  return {
    platform: Platform.LINKEDIN,
    platformItemId: id,
    kind,
    author: { platformActorId: EXPORT_OWNER, handle: null, displayName: null },
    createdAt,
    url,
    // A comment's Link names the post, not the comment it may answer: post = conversation.
    conversationPlatformId: kind === ItemKind.POST ? id : inReplyTo,
    inReplyToPlatformId: inReplyTo,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text,
      title: null,
      language: null,
      links: unique([...linksInText(text), ...extraLinks]),
      hashtags: hashtagsInText(text),
      mentions: [], // LinkedIn mentions are names in the text, not handles
      media: mediaUrls.map((url) => ({ originalUrl: url, mimeType: mimeTypeOfPath(url), altText: null, bytes: null, missingReason: null })),
      warning: null,
    },
    edit: null,
    raw: { format: LINKEDIN_FORMAT, body: rawBody },
  };
}
