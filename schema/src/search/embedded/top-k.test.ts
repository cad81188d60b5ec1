import { describe, expect, it } from 'vitest';
import { topK, topKByScore } from './top-k.js';

/** Deterministic pseudo-random rids and scores with many ties. */
function sample(n: number, seed: number) {
  let s = seed;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0);
  const rids = Uint32Array.from({ length: n }, (_, i) => i * 3 + 1);
  const score = new Map([...rids].map((rid) => [rid, next() % 50]));
  return { rids, score };
}

describe('topKByScore', () => {
  it('gives the same hits in the same order as a full sort (score, then tie-break), ties at the k-th included', () => {
    for (const [n, k] of [
      [1, 20],
      [10, 20],
      [1000, 20],
      [1000, 100],
      [5000, 1],
    ] as const) {
      const { rids, score } = sample(n, n + k);
      const byRid = (a: number, b: number) => a - b;
      const sorted = [...rids].sort((a, b) => score.get(b)! - score.get(a)! || byRid(a, b));
      const boundary = score.get(sorted[Math.min(k, n) - 1]!)!;
      const expected = sorted.filter((rid, i) => i < k || score.get(rid)! === boundary);
      expect(topKByScore(rids, k, (rid) => score.get(rid)!, byRid)).toEqual(expected);
      // The comparator form answers the same.
      expect(topK(rids, k, (a, b) => score.get(b)! - score.get(a)!, byRid)).toEqual(expected);
    }
  });

  it('returns nothing for k = 0 or no rids', () => {
    expect(
      topKByScore(
        new Uint32Array(0),
        5,
        () => 0,
        () => 0,
      ),
    ).toEqual([]);
    expect(
      topKByScore(
        Uint32Array.from([1, 2]),
        0,
        () => 0,
        () => 0,
      ),
    ).toEqual([]);
  });
});
