import { describe, expect, it } from 'vitest';
import { RidBits } from './rid-bits.js';

describe('RidBits', () => {
  it('holds exactly the rids it was made of, and gives them back ascending', () => {
    const rids = Uint32Array.from([0, 1, 31, 32, 33, 63, 64, 1000, 65_535, 1_000_003]);
    const bits = RidBits.of(rids);
    expect(bits.size).toBe(rids.length);
    expect([...bits.toRids()]).toEqual([...rids]);
    for (const rid of rids) expect(bits.has(rid)).toBe(true);
    for (const rid of [2, 30, 34, 999, 1_000_002, 1_000_004, 5_000_000]) expect(bits.has(rid)).toBe(false);
  });

  it('is empty for no rids, and counts a repeated rid once', () => {
    expect(RidBits.of(new Uint32Array(0)).toRids()).toHaveLength(0);
    expect(RidBits.of(Uint32Array.from([7, 7])).size).toBe(1);
  });

  it('takes one bit per rid up to the highest, in whole 32-bit words', () => {
    expect(RidBits.bytesFor(1_000_000)).toBe(125_004);
    expect(RidBits.bytesFor(31)).toBe(4);
  });
});
