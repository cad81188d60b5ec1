import { Platform } from '@bewaard/schema';
import { describeKeys, isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import {
  itemsOf,
  statusRecords,
  statusTreeRecords,
  streamEventRecords,
  type MastodonEnvironment,
} from './mastodon.events.js';
import { normaliseHistory } from './mastodon.history.js';

/** What one Mastodon REST/streaming JSON value is. */
export type MastodonPayloadKind =
  | 'status'
  | 'deleted-status'
  | 'statuses'
  | 'context'
  | 'history'
  | 'search'
  | 'stream-event';

/**
 * A Status or a StatusEdit: an account, a time, HTML content (or the source `text` of a deleted
 * status), and one of the fields only Mastodon statuses have.
 */
export function isStatusLike(value: unknown): value is JsonObject {
  return (
    isJsonObject(value) &&
    isJsonObject(value.account) &&
    typeof value.created_at === 'string' &&
    (typeof value.content === 'string' || typeof value.text === 'string') &&
    ('spoiler_text' in value || 'visibility' in value || 'uri' in value || 'media_attachments' in value)
  );
}

/** StatusEdit: status-like with none of a Status's identity fields. */
function isStatusEdit(value: unknown): boolean {
  return isStatusLike(value) && !('id' in value) && !('uri' in value) && !('visibility' in value);
}

export function classifyMastodonPayload(value: unknown): MastodonPayloadKind | null {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isStatusEdit)) return 'history';
    // An empty page is a timeline with nothing (more) in it.
    return value.length === 0 || isStatusLike(value[0]) ? 'statuses' : null;
  }
  if (!isJsonObject(value)) return null;
  if (Array.isArray(value.ancestors) && Array.isArray(value.descendants)) return 'context';
  if (typeof value.event === 'string' && ('payload' in value || Array.isArray(value.stream))) return 'stream-event';
  if (Array.isArray(value.statuses) && Array.isArray(value.accounts) && Array.isArray(value.hashtags)) return 'search';
  if (!isStatusLike(value)) return null;
  // DELETE /api/v1/statuses/:id answers with the deleted status, `text` in place of `content`.
  return !('content' in value) && typeof value.text === 'string' ? 'deleted-status' : 'status';
}

/** Records of one payload; locations are added by the reader. */
export function mastodonPayloadRecords(value: unknown, env: MastodonEnvironment): RecordBody[] {
  const kind = classifyMastodonPayload(value);
  switch (kind) {
    case 'status':
      return statusRecords([{ status: value, where: 'status' }], env);
    case 'deleted-status':
      return deletedStatusRecords(value as JsonObject, env);
    case 'statuses':
      return statusRecords(listed(value as unknown[], ''), env);
    case 'search':
      return statusRecords(listed((value as JsonObject).statuses as unknown[], 'statuses'), env);
    case 'context':
      return contextRecords(value as JsonObject, env);
    case 'history':
      return normaliseHistory(value as unknown[], env.historyStatusId, env.instance, env.source);
    case 'stream-event': {
      const event = value as JsonObject;
      return streamEventRecords(event.event as string, event.payload, env);
    }
    case null:
      return [
        quarantine(
          isJsonObject(value)
            ? `JSON object with keys ${describeKeys(value)} is not a Mastodon status, timeline, context, edit history or streaming event`
            : `JSON ${Array.isArray(value) ? 'array whose first element is not a status' : typeof value} is not a Mastodon API payload`,
          safeStringify(value),
        ),
      ];
  }
}

function listed(values: unknown[], path: string): Array<{ status: unknown; where: string }> {
  return values.map((status, index) => ({ status, where: `${path}[${index}]` }));
}

/**
 * `GET /api/v1/statuses/:id/context`: the ancestors (root first) and descendants of a status
 * that is itself not in the payload. Every status is an item; reply links come from
 * in_reply_to_id. The conversation root is the first ancestor; with no ancestors the status
 * asked about is the root, and the first descendant replies to it directly.
 */
function contextRecords(context: JsonObject, env: MastodonEnvironment): RecordBody[] {
  const ancestors = listed(context.ancestors as unknown[], 'ancestors');
  const descendants = listed(context.descendants as unknown[], 'descendants');
  const trees = statusTreeRecords([...ancestors, ...descendants], env);
  // Only the thread's own statuses get its root; a boosted or quoted status belongs elsewhere.
  const ownItems = itemsOf(trees.map((tree) => tree[0]).filter((record) => record !== undefined));
  const first = trees[0]?.[0];
  const firstItem = first?.kind === 'item' ? first.item : null;
  const root = ancestors.length > 0 ? (firstItem?.platformItemId ?? null) : (firstItem?.inReplyToPlatformId ?? null);
  if (root !== null) for (const item of ownItems) item.conversationPlatformId = root;
  return trees.flat();
}

/**
 * The DELETE response: the status is gone, and this is the last sight of it. Both are kept: a
 * capture of what it said (from its source text) and the deletion. The response does not say
 * when the deletion happened, so platformDeletedAt stays null.
 */
function deletedStatusRecords(status: JsonObject, env: MastodonEnvironment): RecordBody[] {
  const records = statusRecords([{ status, where: 'deleted status' }], env);
  const own = records[0];
  if (own?.kind !== 'item') return records;
  return [
    ...records,
    {
      kind: 'deletion',
      notice: {
        platform: Platform.MASTODON,
        platformItemId: own.item.platformItemId,
        detectedAt: env.detectedAt,
        method: 'mastodon-api:delete',
        platformDeletedAt: null,
      },
    },
  ];
}
