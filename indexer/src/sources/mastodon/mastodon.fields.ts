import { isJsonObject, type JsonObject } from '../json.js';

/**
 * Validated field access for Mastodon API entities and ActivityPub objects. Mastodon ids are
 * strings of digits that exceed 2^53 (snowflakes), so an id that arrives as a JSON number has
 * already lost digits in JSON.parse and the record is refused rather than archived under a wrong id.
 */

/** A record that cannot be normalised; the caller turns it into a quarantine record. */
export class InvalidMastodonRecordError extends Error {
  override name = 'InvalidMastodonRecordError';
}

/** Mastodon: digits; Pleroma/Akkoma (same API): base62 flake ids. */
const LOCAL_ID = /^[0-9A-Za-z]{1,64}$/;

export function isLocalId(value: string): boolean {
  return LOCAL_ID.test(value);
}

/** `where` names the object in messages, e.g. `ancestors[1]` or `orderedItems[3].object`. */
export function requireLocalId(object: JsonObject, field: string, where: string): string {
  const id = optionalLocalId(object, field, where);
  if (id === null) throw new InvalidMastodonRecordError(`${where} has no ${field}`);
  return id;
}

export function optionalLocalId(object: JsonObject, field: string, where: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value === 'number')
    throw new InvalidMastodonRecordError(
      `${where}.${field} is the number ${value}, not a string: Mastodon ids exceed 2^53, so a numeric id may already be corrupted`,
    );
  if (typeof value !== 'string' || !isLocalId(value))
    throw new InvalidMastodonRecordError(`${where}.${field} is not a Mastodon id: ${JSON.stringify(value)}`);
  return value;
}

export function requireString(object: JsonObject, field: string, where: string): string {
  const value = object[field];
  if (typeof value !== 'string' || value.trim() === '')
    throw new InvalidMastodonRecordError(`${where} has no ${field}`);
  return value;
}

export function optionalString(object: JsonObject, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' ? value : null;
}

/** A string that means something only when it is not empty (spoiler_text, description, summary). */
export function nonEmptyString(object: JsonObject, field: string): string | null {
  const value = optionalString(object, field);
  return value === null || value.trim() === '' ? null : value;
}

export function optionalObject(object: JsonObject, field: string): JsonObject | null {
  const value = object[field];
  return isJsonObject(value) ? value : null;
}

export function optionalArray(object: JsonObject, field: string): unknown[] {
  const value = object[field];
  return Array.isArray(value) ? value : [];
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Mastodon and ActivityPub timestamps: ISO 8601 with a zone; anything else is refused. */
export function requireTime(object: JsonObject, field: string, where: string): Date {
  const value = object[field];
  if (typeof value !== 'string') throw new InvalidMastodonRecordError(`${where} has no ${field}`);
  const parsed = parseTime(value);
  if (parsed === null)
    throw new InvalidMastodonRecordError(`${where}.${field} is not a timestamp: ${JSON.stringify(value)}`);
  return parsed;
}

export function optionalTime(object: JsonObject, field: string, where: string): Date | null {
  const value = object[field];
  return value === undefined || value === null ? null : requireTime(object, field, where);
}

export function parseTime(value: string): Date | null {
  if (!ISO_DATE_TIME.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The host of an http(s) URL, lower-cased; null for anything else ("test url", tag: URIs). */
export function hostOf(url: string | null): string | null {
  if (url === null || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

export function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
