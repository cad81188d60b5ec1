import { canonicalJson, sha256Hex } from '../util/hash.js';

/** The prevHash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Everything an event's hash covers. */
export interface ChainedAuditEvent {
  seq: number;
  at: Date;
  userId: string | null;
  action: string;
  subject: string | null;
  details: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  organisationIds: readonly string[];
  prevHash: string;
}

/**
 * SHA-256 over a canonical serialisation (sorted keys, ISO time with milliseconds, sorted
 * organisation ids, a format version) of the event including the previous event's hash: changing
 * any stored field, or the order, breaks this and every later link.
 */
export function auditEventHash(e: ChainedAuditEvent): string {
  return sha256Hex(
    canonicalJson({
      v: 1,
      seq: e.seq,
      at: e.at.toISOString(),
      userId: e.userId,
      action: e.action,
      subject: e.subject,
      details: e.details,
      ip: e.ip,
      userAgent: e.userAgent,
      requestId: e.requestId,
      organisationIds: [...e.organisationIds].sort(),
      prevHash: e.prevHash,
    }),
  );
}

const MAX_DETAIL_STRING = 1000;

function clip(value: unknown): unknown {
  if (typeof value === 'string')
    return value.length > MAX_DETAIL_STRING ? `${value.slice(0, MAX_DETAIL_STRING)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 100).map(clip);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clip(v)]));
  return value;
}

/** Details as stored: canonical JSON with long strings and lists cut, so one event stays small. */
export function serialiseDetails(details: Record<string, unknown>): string {
  return canonicalJson(clip(details));
}
