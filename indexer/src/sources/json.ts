/** Small helpers for walking untyped JSON without `any`. */

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "id, text, author_id, … (14 keys)": for messages that say what was seen. */
export function describeKeys(object: JsonObject, max = 8): string {
  const keys = Object.keys(object);
  if (keys.length === 0) return 'no keys';
  const shown = keys.slice(0, max).join(', ');
  return keys.length > max ? `${shown}, … (${keys.length} keys)` : shown;
}

/** JSON.stringify that never throws (for excerpts of odd values). */
export function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
