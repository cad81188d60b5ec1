import type { NormalisedItem } from '@bewaard/schema';
import { isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { InvalidRecordError, optionalArray, optionalObject, typedString } from '../meta/json-fields.js';
import { quarantine, type RecordBody } from '../source.js';
import type { YoutubeResponseKind } from './youtube.classify.js';
import { normaliseComment, normaliseVideo, type CommentPlace } from './youtube.normaliser.js';

/**
 * One videos.list, commentThreads.list or comments.list response. Every video, comment and reply
 * becomes an item; what cannot be read is quarantined with its JSON path and the rest is read.
 *
 * A commentThread holds at most a few of its replies (`replies.comments`); `totalReplyCount` says
 * how many exist. When fewer are present nothing is dropped or invented: the thread's raw body
 * records `repliesIncomplete: {expected, present}`, and incompleteReplyThreads() lists such
 * threads so the harvester can fetch the rest with comments.list?parentId=<thread id>.
 */

export interface RepliesIncomplete {
  expected: number;
  present: number;
}

export function normaliseYoutubeResponse(response: JsonObject, kind: YoutubeResponseKind): RecordBody[] {
  const records: RecordBody[] = [];
  // Everything but the items (kind, etag, nextPageToken, pageInfo) stays with each item as context.
  const envelope: JsonObject = {};
  for (const [key, value] of Object.entries(response)) if (key !== 'items') envelope[key] = value;

  optionalArray(response, 'items').forEach((resource, index) => {
    const where = `items[${index}]`;
    if (!isJsonObject(resource)) {
      records.push(quarantine(`${where} is not a JSON object`, safeStringify(resource)));
      return;
    }
    const raw = (extra: JsonObject = {}): string => JSON.stringify({ ...envelope, items: [resource], ...extra });
    switch (kind) {
      case 'videos':
        attempt(records, resource, () => normaliseVideo(resource, where, raw()));
        break;
      case 'comments':
        attempt(records, resource, () => normaliseComment(resource, { videoId: null, parentId: null }, where, raw()));
        break;
      case 'comment-threads':
        thread(records, resource, where, envelope);
        break;
    }
  });
  return records;
}

function thread(records: RecordBody[], thread: JsonObject, where: string, envelope: JsonObject): void {
  const snippet = optionalObject(thread, 'snippet');
  const topLevel = snippet && optionalObject(snippet, 'topLevelComment');
  if (snippet === null || topLevel === null) {
    records.push(quarantine(`${where} has no snippet.topLevelComment`, safeStringify(thread)));
    return;
  }
  let videoId: string | null = null;
  try {
    videoId = typedString(snippet, 'videoId', `${where}.snippet`);
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    records.push(quarantine(error.message, safeStringify(thread)));
    return;
  }
  const replies = optionalArray(optionalObject(thread, 'replies') ?? {}, 'comments');
  const expected = snippet.totalReplyCount;
  const incomplete: RepliesIncomplete | null =
    typeof expected === 'number' && expected > replies.length ? { expected, present: replies.length } : null;
  const threadRaw = JSON.stringify({ ...envelope, items: [thread], ...(incomplete ? { repliesIncomplete: incomplete } : {}) });
  const top = attempt(records, thread, () =>
    normaliseComment(topLevel, { videoId, parentId: null }, `${where}.snippet.topLevelComment`, threadRaw),
  );

  // Replies answer the top-level comment, whose id is also the thread's id.
  const parentId = top?.platformItemId ?? (typeof thread.id === 'string' ? thread.id : null);
  const place: CommentPlace = { videoId, parentId };
  replies.forEach((reply, index) => {
    const path = `${where}.replies.comments[${index}]`;
    if (!isJsonObject(reply)) {
      records.push(quarantine(`${path} is not a JSON object`, safeStringify(reply)));
      return;
    }
    const raw = JSON.stringify({ ...envelope, threadId: parentId, items: [reply] });
    attempt(records, reply, () => normaliseComment(reply, place, path, raw));
  });
}

function attempt(records: RecordBody[], object: JsonObject, normalise: () => NormalisedItem): NormalisedItem | null {
  try {
    const item = normalise();
    records.push({ kind: 'item', item });
    return item;
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    records.push(quarantine(error.message, safeStringify(object)));
    return null;
  }
}
