import { isJsonObject, type JsonObject } from '../json.js';

/** Field access for AppView (app.bsky.*) JSON. */

/** A post view (or feed entry) that cannot be normalised; the caller quarantines it. */
export class InvalidBlueskyRecordError extends Error {
  override name = 'InvalidBlueskyRecordError';
}

export function optionalString(object: JsonObject, field: string): string | null {
  const value = object[field];
  return typeof value === 'string' ? value : null;
}

export function nonEmptyString(object: JsonObject, field: string): string | null {
  const value = optionalString(object, field);
  return value === null || value.trim() === '' ? null : value;
}

export function optionalObject(object: JsonObject | null, field: string): JsonObject | null {
  const value = object?.[field];
  return isJsonObject(value) ? value : null;
}

export function optionalArray(object: JsonObject | null, field: string): unknown[] {
  const value = object?.[field];
  return Array.isArray(value) ? value : [];
}

/** The `$type` of a union member (`app.bsky.embed.images#view`, `app.bsky.feed.defs#notFoundPost`). */
export function typeOf(value: unknown): string | null {
  return isJsonObject(value) && typeof value.$type === 'string' ? value.$type : null;
}

export function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
