import { ItemKind, Platform, type NormalisedItem } from '@bewaard/schema';
import { isJsonObject, safeStringify } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import { InvalidMastodonRecordError, optionalObject, requireTime } from './mastodon.fields.js';
import type { MastodonInstance } from './mastodon.instance.js';
import { MASTODON_API_FORMAT, statusContent } from './mastodon.status.js';

/**
 * `GET /api/v1/statuses/:id/history`: every version of one status, oldest first, as StatusEdit
 * objects. They carry no id, so the status is named from outside: the file name or the label
 * (see historyHint). Each version becomes one capture of the same item with
 * edit.position = its index; the item's createdAt is the first version's created_at (the
 * status's publication), each version's own created_at is its editedAt.
 *
 * What a StatusEdit does not say stays unknown: whether the status replies to or quotes
 * anything (kind is post), its language, its web URL.
 */
export function normaliseHistory(
  versions: unknown[],
  statusId: string | null,
  instance: MastodonInstance,
  source: string,
): RecordBody[] {
  const excerpt = safeStringify(versions);
  if (statusId === null)
    return [
      quarantine(
        `edit history without the status id: StatusEdit objects do not carry it; name the file statuses-<id>-history.json`,
        excerpt,
      ),
    ];
  const first = versions[0];
  const firstAccount = isJsonObject(first) ? optionalObject(first, 'account') : null;
  if (firstAccount !== null) instance.learnAccount(firstAccount);
  const accountId = firstAccount !== null && typeof firstAccount.id === 'string' ? firstAccount.id : null;
  const platformItemId = instance.statusRef(statusId, accountId);
  if (platformItemId === null)
    return [
      quarantine(
        `edit history of status ${statusId}, but nothing says which instance served it (no API URL in ${source}, no local account URL in the payload): a local status id means nothing elsewhere; name the file <instance host>_statuses-${statusId}-history.json`,
        excerpt,
      ),
    ];

  let createdAt: Date;
  try {
    if (!isJsonObject(first)) throw new InvalidMastodonRecordError('[0] is not a JSON object');
    createdAt = requireTime(first, 'created_at', '[0]');
  } catch (error) {
    if (!(error instanceof InvalidMastodonRecordError)) throw error;
    return [quarantine(`edit history of status ${statusId}: the first version is unreadable (${error.message}), so no version can be dated`, excerpt)];
  }

  return versions.map((version, position): RecordBody => {
    const where = `[${position}]`;
    try {
      if (!isJsonObject(version)) throw new InvalidMastodonRecordError(`${where} is not a JSON object`);
      const account = optionalObject(version, 'account');
      if (account === null) throw new InvalidMastodonRecordError(`${where} has no account`);
      const item: NormalisedItem = {
        platform: Platform.MASTODON,
        platformItemId,
        kind: ItemKind.POST,
        author: instance.actorOf(account, where),
        createdAt,
        url: null,
        conversationPlatformId: null,
        inReplyToPlatformId: null,
        quotedPlatformId: null,
        repostOfPlatformId: null,
        content: statusContent(version, instance, where, 'html'),
        edit: { platformVersionId: null, editedAt: requireTime(version, 'created_at', where), position },
        raw: {
          format: MASTODON_API_FORMAT,
          // The version alone does not say whose it is: the evidence keeps the id it was filed under.
          body: JSON.stringify({ status_id: statusId, instance: instance.host, position, status_edit: version }),
        },
      };
      return { kind: 'item', item };
    } catch (error) {
      if (!(error instanceof InvalidMastodonRecordError)) throw error;
      return quarantine(`edit history of status ${statusId}: ${error.message}`, safeStringify(version));
    }
  });
}

/**
 * The status an edit history belongs to, and the instance, from a file name or a label:
 * `statuses-<id>-history.json`, `status_<id>_history.json`, `<host>_statuses-<id>-history.json`,
 * or an API URL `https://<host>/api/v1/statuses/<id>/history`.
 */
export function historyHint(nameOrLabel: string): { statusId: string | null; host: string | null } {
  const url = /\b(?:https?):\/\/([a-z0-9.-]+)(?::\d+)?\/api\/v1\/statuses\/([0-9A-Za-z]+)\/history\b/i.exec(nameOrLabel);
  if (url) return { statusId: url[2] ?? null, host: url[1]?.toLowerCase() ?? null };
  const base = nameOrLabel.slice(Math.max(nameOrLabel.lastIndexOf('/'), nameOrLabel.lastIndexOf('\\')) + 1);
  // The id must hold a digit, so that `status_edit_history.json` does not name a status "edit".
  const named = /status(?:es)?[-_]([0-9A-Za-z]*\d[0-9A-Za-z]*)[-_]history/i.exec(base);
  const host = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)_/i.exec(base)?.[1]?.toLowerCase() ?? null;
  return { statusId: named?.[1] ?? null, host: named ? host : null };
}
