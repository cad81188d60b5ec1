import { Platform } from '@bewaard/schema';
import { safeStringify, type JsonObject } from '../json.js';
import { quarantine, type RecordBody } from '../source.js';
import { InvalidRecordError, optionalString, requireId } from './twarc2.fields.js';
import { parseTimestamp } from './twarc2.normaliser.js';

/**
 * One line of a batch compliance result (`twarc2 compliance-job download`):
 * `{"id", "action": "delete", "created_at", "redacted_at"?, "reason"}`.
 *
 * Per X's documentation `created_at` is the *post's* creation time (given to help locate it), not
 * the time of the deletion, so it is not used as platformDeletedAt; `redacted_at` (when the
 * account was suspended/deactivated/protected) is. The reason (deleted, deactivated, protected,
 * suspended) goes into the method, e.g. `x-compliance:protected`.
 *
 * `detectedAt` is when the compliance result was obtained; the record does not say, so the
 * caller passes the file's modification time (deterministic across re-imports).
 *
 * Limitation: a *users* compliance result has the same shape with user ids; it cannot be told
 * apart from its content and would be read as tweet deletions.
 */
export function normaliseComplianceRecord(record: JsonObject, detectedAt: Date): RecordBody {
  try {
    const id = requireId(record, 'id', 'compliance record');
    const action = optionalString(record, 'action');
    if (action !== 'delete') {
      // scrub_geo and the like change a post without removing it: not a deletion, not for us to
      // apply, but not to be dropped unseen either.
      return quarantine(
        `compliance action ${JSON.stringify(action)} for ${id} is not a deletion; not imported`,
        safeStringify(record),
      );
    }
    const reason = optionalString(record, 'reason');
    const redactedAt = optionalString(record, 'redacted_at');
    return {
      kind: 'deletion',
      notice: {
        platform: Platform.X,
        platformItemId: id,
        detectedAt,
        method: reason ? `x-compliance:${reason}` : 'x-compliance',
        platformDeletedAt: redactedAt === null ? null : parseTimestamp(redactedAt),
      },
    };
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    return quarantine(error.message, safeStringify(record));
  }
}
