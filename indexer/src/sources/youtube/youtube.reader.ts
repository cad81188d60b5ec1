import { describeKeys, isJsonObject, safeStringify } from '../json.js';
import { optionalString } from '../meta/json-fields.js';
import { jsonUnitsOfText, readJsonUnits, type JsonUnit } from '../meta/json-input.js';
import { quarantine, type RecordBody, type Source, type SourceRecord } from '../source.js';
import { classifyYoutubeResponse, detectYoutube, isYoutubeError } from './youtube.classify.js';
import { YOUTUBE_FORMAT } from './youtube.normaliser.js';
import { normaliseYoutubeResponse, type RepliesIncomplete } from './youtube.page.js';

/**
 * YouTube Data API v3 responses as a harvester saves them (one response per file, or one per line):
 * videos.list, commentThreads.list and comments.list.
 */
export const youtubeDataApiSource: Source = {
  format: YOUTUBE_FORMAT,
  detect: (_file, head) => detectYoutube(head),
  read: (file) => recordsOfUnits(() => readJsonUnits(file, true)),
  readContent: (label, content) => recordsOfUnits(() => Promise.resolve(jsonUnitsOfText(content, label, true))),
};

/** `units` is called on the first next(), so nothing is read (or can fail unobserved) before iteration. */
async function* recordsOfUnits(units: () => Promise<JsonUnit[]>): AsyncGenerator<SourceRecord> {
  for (const unit of await units()) {
    if (unit.kind === 'bad') {
      yield { kind: 'quarantine', reason: unit.reason, excerpt: unit.excerpt, location: unit.location };
      continue;
    }
    for (const body of recordsOfResponse(unit.value)) yield { ...body, location: unit.location };
  }
}

function recordsOfResponse(value: unknown): RecordBody[] {
  if (isYoutubeError(value)) {
    const message = optionalString(value.error, 'message') ?? 'no message';
    return [quarantine(`the YouTube Data API answered with an error instead of data (${message})`, safeStringify(value))];
  }
  const kind = classifyYoutubeResponse(value);
  if (kind === null || !isJsonObject(value)) {
    const seen = isJsonObject(value) ? `JSON object with keys ${describeKeys(value)}` : `JSON ${Array.isArray(value) ? 'array' : typeof value}`;
    return [quarantine(`${seen} is not a videos.list, commentThreads.list or comments.list response`, safeStringify(value))];
  }
  return normaliseYoutubeResponse(value, kind);
}

/** A comment thread whose capture holds fewer replies than YouTube counts. */
export interface IncompleteReplyThread extends RepliesIncomplete {
  /** The thread's (= its top-level comment's) id: comments.list?parentId=<threadId> lists all replies. */
  threadId: string;
  videoId: string | null;
}

/**
 * The threads among imported records whose replies are incomplete, for the harvester to complete
 * with comments.list?parentId=… Each thread once, as its last capture among the records says.
 */
export function incompleteReplyThreads(records: Iterable<SourceRecord>): IncompleteReplyThread[] {
  const threads = new Map<string, IncompleteReplyThread>();
  for (const record of records) {
    if (record.kind !== 'item' || record.item.raw.format !== YOUTUBE_FORMAT) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(record.item.raw.body);
    } catch {
      continue;
    }
    const incomplete = isJsonObject(raw) ? raw.repliesIncomplete : undefined;
    const { platformItemId, conversationPlatformId } = record.item;
    threads.delete(platformItemId); // a later, complete capture of the thread clears it
    if (!isJsonObject(incomplete) || typeof incomplete.expected !== 'number' || typeof incomplete.present !== 'number') continue;
    threads.set(platformItemId, {
      threadId: platformItemId,
      videoId: conversationPlatformId,
      expected: incomplete.expected,
      present: incomplete.present,
    });
  }
  return [...threads.values()];
}
