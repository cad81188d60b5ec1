import { describe, expect, it } from 'vitest';
import { hash32, Prng } from './prng.js';

describe('Prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 50 }, () => a.uint32());
    expect(Array.from({ length: 50 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('keeps int() within its inclusive bounds and reaches both ends', () => {
    const rng = new Prng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const v = rng.int(3, 9);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(9);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('derives independent streams from labels', () => {
    expect(Prng.derive(1, 'a', 1).uint32()).toBe(Prng.derive(1, 'a', 1).uint32());
    expect(Prng.derive(1, 'a', 1).uint32()).not.toBe(Prng.derive(1, 'a', 2).uint32());
    expect(hash32(['1', 2])).not.toBe(hash32([1, '2']));
  });
});
