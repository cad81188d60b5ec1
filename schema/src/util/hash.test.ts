import { describe, expect, it } from 'vitest';
import { canonicalJson, referenceCanonicalJson } from './hash.js';

// Stored content hashes and the audit chain depend on the exact canonical text: the fast writer must never differ.
describe('canonicalJson', () => {
  const cases: unknown[] = [
    { text: 'De dijk "bij" Kampen\n', title: null, language: 'nl', links: [], hashtags: ['a', 'b'], mentions: [], media: [{ ref: 'https://x', altText: null }], warning: null },
    { b: 1, a: { d: [1, 'x', null, undefined, () => 1], c: true }, ä: 'ü', A: -0, Z: NaN, e: Infinity, u: undefined, f: () => 1 },
    { '10': 'index-like', '2': 'keys', b: 'come first' },
    { when: new Date('2024-03-01T10:00:00Z'), nested: { at: new Date(0) } },
    { lone: '\ud800', emoji: '🌊', control: '\u0001\u001f', sep: '\u2028' },
    Object.assign(Object.create(null) as object, { z: 1, y: [{}] }),
    [{ b: 2, a: 1 }, [], [[]]],
    { map: new Map([['a', 1]]), custom: { toJSON: () => ({ y: 1, x: 2 }) } },
    JSON.parse('{"z":0,"__proto__":{"b":1,"a":[{"d":1,"c":2}]}}') as unknown,
    { deep: Array.from({ length: 100 }).reduce((inner: unknown) => ({ b: inner, a: 1 }), null) },
    'just a string',
    42,
    null,
  ];
  it.each(cases.map((c, i) => [i, c] as const))('case %i matches the reference form', (_i, value) => {
    expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
  });

  it('matches the reference form on generated nested data', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    const gen = (depth: number): unknown => {
      switch (rnd(depth > 3 ? 5 : 8)) {
        case 0: return null;
        case 1: return rnd(2) === 0;
        case 2: return rnd(1000) / (rnd(7) + 1) - 50;
        case 3: return String.fromCharCode(...Array.from({ length: rnd(6) }, () => 32 + rnd(200)));
        case 4: return undefined;
        case 5: return Array.from({ length: rnd(4) }, () => gen(depth + 1));
        default: return Object.fromEntries(Array.from({ length: rnd(5) }, () => [['k', 'K', '_', 'é', 'a1', '1', '01'][rnd(7)]! + String(rnd(3)), gen(depth + 1)]));
      }
    };
    for (let i = 0; i < 2000; i++) {
      const value = gen(0);
      expect(canonicalJson(value)).toBe(referenceCanonicalJson(value));
    }
  });
});
