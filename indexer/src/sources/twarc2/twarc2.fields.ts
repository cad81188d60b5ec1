import { isJsonObject, type JsonObject } from '../json.js';

/**
 * Validated field access for X API v2 objects. Ids get special care: X ids exceed 2^53, so an id
 * that arrives as a JSON number has already lost digits in JSON.parse (or was written by a tool
 * that did); such a record is refused rather than archived under a wrong id.
 */

/** A tweet (or compliance record) that cannot be normalised; becomes a quarantine record. */
export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

const ID_PATTERN = /^\d{1,20}$/;

/** `where` names the object in messages, e.g. `data[3]` or `includes.tweets[0]`. */
export function requireId(object: JsonObject, field: string, where: string): string {
  const id = optionalId(object, field, where);
  if (id === null) throw new InvalidRecordError(`${where} has no ${field}`);
  return id;
}

export function optionalId(object: JsonObject, field: string, where: string): string | null {
  return checkId(object[field], `${where}.${field}`);
}

function checkId(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    throw new InvalidRecordError(
      `${path} is the number ${value}, not a string: X ids exceed 2^53, so a numeric id may already be corrupted`,
    );
  }
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    throw new InvalidRecordError(`${path} is not an X id (a string of digits): ${JSON.stringify(value)}`);
  }
  return value;
}

/** A list of ids (edit_history_tweet_ids); null when absent or empty. */
export function optionalIdList(object: JsonObject, field: string, where: string): string[] | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw new InvalidRecordError(`${where}.${field} is not a list`);
  const ids = value.map((entry, index) => checkId(entry, `${where}.${field}[${index}]`));
  if (ids.some((id) => id === null))
    throw new InvalidRecordError(`${where}.${field} contains an empty entry`);
  return ids.length > 0 ? (ids as string[]) : null;
}

export function optionalString(object: JsonObject, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' ? value : null;
}

export function optionalObject(object: JsonObject, field: string): JsonObject | null {
  const value = object[field];
  return isJsonObject(value) ? value : null;
}

export function optionalArray(object: JsonObject, field: string): unknown[] {
  const value = object[field];
  return Array.isArray(value) ? value : [];
}

/** A string key of an expansion object (media_key, or an id), checked like ids are. */
export function expansionKey(object: JsonObject, field: string, where: string): string | null {
  const value = object[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    throw new InvalidRecordError(
      `${where}.${field} is ${typeof value} ${JSON.stringify(value)}, not a string`,
    );
  }
  return value;
}
