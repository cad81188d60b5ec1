import { isJsonObject, type JsonObject } from '../json.js';

/**
 * Validated field access for platform JSON (Graph API, YouTube Data API, DYI and TikTok
 * exports). Shared by the meta, youtube and tiktok sources. An object that fails a check is
 * quarantined by the caller with the message, which names the field by its JSON path.
 */

/** One object that cannot be normalised; becomes a quarantine record, reading goes on. */
export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

export function optionalString(object: JsonObject, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' ? value : null;
}

/** Like optionalString, but a value of another type is an error instead of being ignored. */
export function typedString(object: JsonObject, field: string, where: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string')
    throw new InvalidRecordError(`${where}.${field} is ${describe(value)}, not a string`);
  return value;
}

export function requireString(object: JsonObject, field: string, where: string): string {
  const value = typedString(object, field, where);
  if (value === null) throw new InvalidRecordError(`${where} has no ${field}`);
  return value;
}

export function optionalObject(object: JsonObject, field: string): JsonObject | null {
  const value = object[field];
  return isJsonObject(value) ? value : null;
}

export function optionalArray(object: JsonObject, field: string): unknown[] {
  const value = object[field];
  return Array.isArray(value) ? value : [];
}

/**
 * An id that must be a string matching `pattern`. Platform ids (Graph, Instagram, TikTok) exceed
 * 2^53: one that arrives as a JSON number has already lost digits in JSON.parse, so the record is
 * refused rather than archived under a wrong id.
 */
export function checkId(value: unknown, path: string, pattern: RegExp): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number')
    throw new InvalidRecordError(
      `${path} is the number ${value}, not a string: platform ids exceed 2^53, so a numeric id may already be corrupted`,
    );
  if (typeof value !== 'string' || !pattern.test(value))
    throw new InvalidRecordError(`${path} is not a valid id: ${describe(value)}`);
  return value;
}

export function requireId(object: JsonObject, field: string, where: string, pattern: RegExp): string {
  const id = checkId(object[field], `${where}.${field}`, pattern);
  if (id === null) throw new InvalidRecordError(`${where} has no ${field}`);
  return id;
}

// Graph API writes "+0000"; YouTube writes "Z" with milliseconds. Anything looser (V8 happily
// parses "1" as a year) is refused.
const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?(Z|[+-]\d\d:?\d\d)$/;

export function parseIsoTime(value: string): Date | null {
  if (!ISO_TIME.test(value)) return null;
  const date = new Date(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function requireIsoTime(object: JsonObject, field: string, where: string): Date {
  const value = requireString(object, field, where);
  const date = parseIsoTime(value);
  if (date === null) throw new InvalidRecordError(`${where}.${field} is not a timestamp: ${JSON.stringify(value)}`);
  return date;
}

/** Epoch seconds (DYI exports); a string or fraction is refused, not guessed at. */
export function epochSeconds(value: unknown, path: string): Date {
  if (value === undefined || value === null) throw new InvalidRecordError(`${path.replace(/\.(\w+)$/, ' has no $1')}`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 32503680000)
    throw new InvalidRecordError(`${path} is not a time in epoch seconds: ${describe(value)}`);
  return new Date(value * 1000);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 80))}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${JSON.stringify(value)}`;
  return typeof value;
}
