/**
 * Strings as UTF-8 can hold them. A JavaScript string may contain a lone UTF-16 surrogate (an emoji
 * cut in half by a platform's truncation, an escape like `\ud83d` in the source JSON); UTF-8 cannot
 * encode one. Left in, the database drivers would silently store U+FFFD in text columns — text that
 * no longer matches its content hash — and MariaDB's JSON check would refuse the whole batch. So
 * content is made well-formed (each lone surrogate → U+FFFD) before it is hashed and stored; the raw
 * payload keeps the original.
 */

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

/** Whether UTF-8 can carry `s` as it is (no lone surrogate). */
export function isWellFormed(s: string): boolean {
  return (s as WellFormedString).isWellFormed();
}

/**
 * Whether `json` (JSON.stringify output) may hold a lone surrogate: JSON.stringify writes one as a
 * `\udXXX` escape, and nothing else produces that text except an escaped backslash before "ud8…",
 * which only costs the exact check in `wellFormedDeep`.
 */
export function mayHoldLoneSurrogate(json: string): boolean {
  return /\\ud[89a-f]/i.test(json);
}

/** A copy with every string well-formed (objects and arrays copied, key order kept). */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') {
    return (isWellFormed(value) ? value : (value as unknown as WellFormedString).toWellFormed()) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => wellFormedDeep(v)) as T;
  if (
    value !== null &&
    typeof value === 'object' &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  ) {
    const copy: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) copy[key] = wellFormedDeep(v);
    return copy as T;
  }
  return value;
}
