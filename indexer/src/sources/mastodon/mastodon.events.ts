import { Platform, type NormalisedItem } from '@bewaard/schema';
import { isJsonObject, safeStringify } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import { isLocalId } from './mastodon.fields.js';
import type { MastodonInstance } from './mastodon.instance.js';
import { normaliseStatusTree } from './mastodon.status.js';
import { parseJson } from './payload-reader.js';
import type { ThreadIndex } from './thread-index.js';

/** What normalising one payload needs besides the payload: shared by all payloads of one input. */
export interface MastodonEnvironment {
  instance: MastodonInstance;
  threads: ThreadIndex;
  /** The status an edit history belongs to, from the file name or label. */
  historyStatusId: string | null;
  /** The file or label, for messages. */
  source: string;
  /** When deletions in this input were observed: the file's mtime, or the time of reading. */
  detectedAt: Date;
}

/**
 * Statuses to records, one list per status: its own record first, then those of its nested
 * reblog/quote. Conversation roots are assigned over everything this input has shown so far.
 */
export function statusTreeRecords(
  statuses: Array<{ status: unknown; where: string }>,
  env: MastodonEnvironment,
): RecordBody[][] {
  // First learn every id and account of the payload, so replies to statuses later in it resolve.
  for (const { status } of statuses) env.instance.learnStatus(status);
  const trees = statuses.map(({ status, where }) => normaliseStatusTree(status, env.instance, where));
  env.threads.assignRoots(itemsOf(trees.flat()));
  return trees;
}

export function statusRecords(statuses: Array<{ status: unknown; where: string }>, env: MastodonEnvironment): RecordBody[] {
  return statusTreeRecords(statuses, env).flat();
}

export function itemsOf(records: RecordBody[]): NormalisedItem[] {
  return records.flatMap((record) => (record.kind === 'item' ? [record.item] : []));
}

/**
 * One streaming API event (server-sent events, or a WebSocket message `{stream, event, payload}`
 * where payload is a JSON string). update and status.update carry a Status; delete the local id
 * of a deleted status; notification may carry the status it is about (a reply, a mention).
 */
export function streamEventRecords(event: string, payload: unknown, env: MastodonEnvironment): RecordBody[] {
  switch (event) {
    case 'update':
    case 'status.update': {
      const status = decodePayload(payload);
      if ('problem' in status) return [quarantine(`the ${event} event's payload is not valid JSON (${status.problem})`, String(payload))];
      return statusRecords([{ status: status.value, where: `${event} event` }], env);
    }
    case 'notification': {
      const notification = decodePayload(payload);
      if ('problem' in notification)
        return [quarantine(`the notification event's payload is not valid JSON (${notification.problem})`, String(payload))];
      const value = notification.value;
      if (isJsonObject(value) && isJsonObject(value.status))
        return statusRecords([{ status: value.status, where: 'notification event.status' }], env);
      const type = isJsonObject(value) && typeof value.type === 'string' ? value.type : 'unknown';
      return [quarantine(`notification of type ${type} carries no status; not imported`, safeStringify(value))];
    }
    case 'delete':
      return [deleteEventRecord(payload, env)];
    default:
      return [
        quarantine(
          `streaming event "${event}" is not imported (only update, status.update, delete and notification carry posts)`,
          safeStringify(payload),
        ),
      ];
  }
}

function deleteEventRecord(payload: unknown, env: MastodonEnvironment): RecordBody {
  // SSE sends the bare id; WebSocket messages send it as a string, some loggers JSON-quote it.
  let id = typeof payload === 'string' ? payload.trim() : typeof payload === 'number' ? null : undefined;
  if (typeof id === 'string' && id.startsWith('"')) {
    const parsed = parseJson(id);
    id = parsed.ok && typeof parsed.value === 'string' ? parsed.value : undefined;
  }
  if (id === null)
    return quarantine('delete event with a numeric id: Mastodon ids exceed 2^53, so it may already be corrupted', safeStringify(payload));
  if (id === undefined || !isLocalId(id)) return quarantine('delete event without a status id', safeStringify(payload));
  const platformItemId = env.instance.statusRef(id);
  if (platformItemId === null)
    return quarantine(
      `delete event for status ${id}, which this stream never showed, on an instance nothing names (no streaming URL in ${env.source}, no local account seen): the deletion cannot be tied to a status`,
      id,
    );
  return {
    kind: 'deletion',
    notice: {
      platform: Platform.MASTODON,
      platformItemId,
      detectedAt: env.detectedAt,
      method: 'mastodon-streaming:delete',
      platformDeletedAt: null,
    },
  };
}

function decodePayload(payload: unknown): { value: unknown } | { problem: string } {
  if (typeof payload !== 'string') return { value: payload };
  const parsed = parseJson(payload);
  return parsed.ok ? { value: parsed.value } : { problem: parsed.error };
}
