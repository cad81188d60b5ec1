/**
 * Seeded randomness for the demo archive. sfc32 is small, fast and passes PractRand for the
 * volumes used here; Math.random is never used so the same seed always gives the same archive.
 */

/** 32-bit FNV-1a, then a murmur3 finaliser so neighbouring inputs land far apart. */
export function hash32(parts: ReadonlyArray<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = typeof part === 'number' ? `#${part}` : `$${part}`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const DIGITS = '0123456789';
export const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Seeding through splitmix32 keeps small or similar seeds from giving correlated streams.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent stream for a named purpose, so adding draws in one place does not shift another. */
  static derive(seed: number, ...parts: Array<number | string>): Prng {
    return new Prng(hash32([seed, ...parts]));
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error('pick from an empty list');
    return values[Math.floor(this.next() * values.length)] as T;
  }

  /** Pick by weight; entries are [value, weight] with weight ≥ 0. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    // Index loops, not destructuring for-of: this runs for every planned item.
    let total = 0;
    for (let i = 0; i < entries.length; i++) total += entries[i]![1];
    let r = this.next() * total;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      r -= entry[1];
      if (r < 0) return entry[0];
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }

  /** Exponentially distributed, for waiting times between posts and replies. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  chars(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  digits(length: number): string {
    return this.chars(length, DIGITS);
  }

  /** Digits without a leading zero, for numeric ids that must keep their length as numbers. */
  numericId(length: number): string {
    return String(this.int(1, 9)) + this.digits(length - 1);
  }

  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = values[i] as T;
      values[i] = values[j] as T;
      values[j] = tmp;
    }
    return values;
  }
}
