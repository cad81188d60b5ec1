import type { NormalisedMedia } from '@bewaard/schema';
import { describeKeys, isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import { attachmentsOf, normaliseActivity, referenceOf } from './mastodon-archive.activity.js';
import { InvalidMastodonRecordError, nonEmptyString, optionalString } from './mastodon.fields.js';
import { mimeTypeOf, NOT_FETCHED } from './mastodon.media.js';
import { parseJson } from './payload-reader.js';
import { ThreadIndex } from './thread-index.js';

/** Reading outbox.json and its companions, for both the folder and the zip form of the archive. */

/** The activities of an outbox (the export's, or a page of a live ActivityPub outbox), or why not. */
export function outboxActivities(text: string, name: string): { activities: unknown[] } | { problem: RecordBody } {
  const parsed = parseJson(text);
  if (!parsed.ok)
    return { problem: quarantine(`${name} is not valid JSON (${parsed.error}); no activity in it was read`, text) };
  const outbox = parsed.value;
  if (!isJsonObject(outbox) || !Array.isArray(outbox.orderedItems))
    return {
      problem: quarantine(
        `${name} is not an ActivityStreams outbox: ${isJsonObject(outbox) ? `keys ${describeKeys(outbox)}, no orderedItems list` : 'not a JSON object'}`,
        text,
      ),
    };
  return { activities: outbox.orderedItems };
}

/** actor.json, or a quarantine record when it is there but unreadable (the items go on without it). */
export function parseActor(text: string | null, name: string): { actor: JsonObject | null; problem: RecordBody | null } {
  if (text === null) return { actor: null, problem: null };
  const parsed = parseJson(text);
  if (parsed.ok && isJsonObject(parsed.value) && typeof parsed.value.id === 'string')
    return { actor: parsed.value, problem: null };
  return {
    actor: null,
    problem: quarantine(`${name} is not an ActivityPub actor (${parsed.ok ? 'no id' : parsed.error}); authors are taken from the activities`, text),
  };
}

/** Reply links of every note in the outbox, so each item gets its conversation root as it is emitted. */
export function outboxThreads(activities: unknown[]): ThreadIndex {
  const threads = new ThreadIndex();
  for (const activity of activities) {
    if (!isJsonObject(activity) || activity.type !== 'Create' || !isJsonObject(activity.object)) continue;
    const id = referenceOf(activity.object.id);
    if (id !== null) threads.addLink(id, referenceOf(activity.object.inReplyTo));
  }
  return threads;
}

/** One activity to an item (or a quarantine record), media already resolved. */
export function activityRecord(
  activity: unknown,
  index: number,
  actor: JsonObject | null,
  media: NormalisedMedia[],
  format: string,
  threads: ThreadIndex,
): RecordBody {
  const where = `orderedItems[${index}]`;
  try {
    if (!isJsonObject(activity)) throw new InvalidMastodonRecordError(`${where} is not a JSON object`);
    const item = normaliseActivity(activity, where, { actor, format, media });
    if (item.kind !== 'repost') item.conversationPlatformId = threads.rootOf(item.platformItemId);
    return { kind: 'item', item };
  } catch (error) {
    if (!(error instanceof InvalidMastodonRecordError)) throw error;
    return quarantine(error.message, safeStringify(activity));
  }
}

/**
 * Where an attachment's file sits in the archive. Mastodon rewrites each attachment url to the
 * path of its URL (`/media_attachments/files/…/original/x.png`, with `/system/` dropped) and
 * stores the file under the storage path (`media_attachments/files/…`); an object-storage URL may
 * carry a bucket prefix, so the path is taken from `media_attachments/` on. Paths that climb
 * (`..`) or are absolute URLs are not archive paths: null.
 */
export function archiveMediaPath(url: string | null): string | null {
  if (url === null || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  const path = url.replace(/[?#].*$/, '').replace(/^\/+/, '');
  const start = path.indexOf('media_attachments/');
  const relative = start > 0 ? path.slice(start) : path;
  const segments = relative.split('/');
  if (relative === '' || segments.some((s) => s === '..' || s === '.' || s === '') || /[\\\0]/.test(relative)) return null;
  return relative;
}

/** The media of one activity, given a way to fetch a file's bytes from the archive (null: absent). */
export async function activityMedia(
  activity: unknown,
  bytesOf: (path: string) => Promise<Uint8Array | null>,
): Promise<NormalisedMedia[]> {
  if (!isJsonObject(activity)) return [];
  const media: NormalisedMedia[] = [];
  for (const attachment of attachmentsOf(activity)) {
    const url = optionalString(attachment, 'url') ?? referenceOf(attachment.url);
    const path = archiveMediaPath(url);
    media.push(attachmentMedia(attachment, url, path, path === null ? null : await bytesOf(path)));
  }
  return media;
}

export function attachmentMedia(
  attachment: JsonObject,
  url: string | null,
  path: string | null,
  bytes: Uint8Array | null,
): NormalisedMedia {
  const altText = nonEmptyString(attachment, 'name');
  const mimeType = optionalString(attachment, 'mediaType') ?? (url === null ? null : mimeTypeOf(url, null));
  // A live outbox page names the file by its URL; only the export holds the bytes.
  if (url !== null && path === null && /^https?:\/\//i.test(url))
    return { originalUrl: url, mimeType, altText, bytes: null, missingReason: NOT_FETCHED };
  if (path === null)
    return { originalUrl: null, mimeType, altText, bytes: null, missingReason: `attachment url ${JSON.stringify(url)} is not a path inside the archive` };
  if (bytes === null)
    return { originalUrl: null, mimeType, altText, bytes: null, missingReason: `${path} is not in the archive` };
  return { originalUrl: null, mimeType, altText, bytes, missingReason: null };
}
