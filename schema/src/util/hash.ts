import crypto from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  // Stored hashes depend on this exact text: what the fast writer cannot vouch for goes the reference way.
  return writeCanonical(value, parts) ? parts.join('') : referenceCanonicalJson(value);
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

/**
 * The same text as referenceCanonicalJson for plain data — null, booleans, finite and non-finite
 * numbers, strings, arrays, plain objects — in one pass without copying every object (the content
 * hash of each imported item made the reference form a hot spot). Returns false for anything else
 * (dates, class instances, toJSON, index-like keys, whose order Object.fromEntries changes).
 */
function writeCanonical(value: unknown, out: string[]): boolean {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return true;
    case 'number':
      out.push(Number.isFinite(value) ? String(value) : 'null');
      return true;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) {
    out.push('null');
    return true;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') out.push('null');
      else if (!writeCanonical(item, out)) return false;
    }
    out.push(']');
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  if ('toJSON' in record) return false;
  const keys = Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  out.push('{');
  let first = true;
  for (const key of keys) {
    if (ARRAY_INDEX.test(key)) return false;
    const item = record[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    if (!writeCanonical(item, out)) return false;
  }
  out.push('}');
  return true;
}
