import crypto from 'node:crypto';

// The one-shot form (Node ≥ 20.12) skips the Hash object and its stream machinery: half the cost per item hash.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function sha256Hex(data: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  // Stored hashes depend on this exact text: what the fast form cannot vouch for goes the reference way.
  const sorted = withSortedKeys(value, 0);
  return sorted === UNSURE ? referenceCanonicalJson(value) : JSON.stringify(sorted);
}

/** The definition of the canonical form (JSON.stringify with a key-sorting replacer). */
export function referenceCanonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const UNSURE: unique symbol = Symbol('unsure');
// Deeper data goes the reference way rather than risk the stack.
const MAX_DEPTH = 64;

/**
 * The value with every plain object copied in sorted key order, so that the native JSON.stringify
 * writes the canonical text in one pass (the content hash of each imported item made the
 * reference form a hot spot). Strings, numbers, booleans and arrays without objects are not
 * copied. UNSURE for anything whose text could differ from referenceCanonicalJson: dates, class
 * instances, toJSON, index-like keys (which objects order before all others), bigints, "__proto__".
 */
function withSortedKeys(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'bigint' ? UNSURE : value;
  if (depth > MAX_DEPTH) return UNSURE;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) {
        if (typeof item === 'bigint') return UNSURE;
        continue;
      }
      const sorted = withSortedKeys(item, depth + 1);
      if (sorted === UNSURE) return UNSURE;
      copy ??= value.slice();
      copy[i] = sorted;
    }
    return copy ?? value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return UNSURE;
  const record = value as Record<string, unknown>;
  if ('toJSON' in record) return UNSURE;
  const keys = Object.keys(record).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    // An own "__proto__" (JSON.parse makes those) would set the copy's prototype instead. Only a
    // key starting with a digit can be an index: the test is skipped for the others.
    const first = key.charCodeAt(0);
    if ((first >= 0x30 && first <= 0x39 && ARRAY_INDEX.test(key)) || key === '__proto__') return UNSURE;
    const sorted = withSortedKeys(record[key], depth + 1);
    if (sorted === UNSURE) return UNSURE;
    copy[key] = sorted;
  }
  return copy;
}
