import { describe, expect, it } from 'vitest';
import type { ScanResult } from './column-filter.js';
import { ScanCache } from './scan-cache.js';

const result = (n: number): ScanResult => ({
  total: n,
  rids: Uint32Array.from({ length: n }, (_, i) => i + 1),
  facets: { platform: { x: n } },
  ordered: new Map(),
});

describe('ScanCache', () => {
  it('lets go of the least recently used rids first, keeping every total, facet count and first hits', () => {
    const cache = new ScanCache(12);
    const [a, b, c] = [result(6), result(6), result(3)];
    cache.put('a', a);
    cache.put('b', b);
    cache.get('a')!.ordered.set('newest', [6, 5]);
    cache.put('c', c);
    // Over the budget with c: b was used least recently, so its rids go; a and c then fit (6 + 3).
    expect(cache.get('b')!.rids).toBeNull();
    expect(cache.get('a')!.rids).toHaveLength(6);
    expect(cache.get('c')!.rids).toHaveLength(3);
    expect(cache.get('b')).toMatchObject({ total: 6, facets: { platform: { x: 6 } } });
    expect(cache.get('a')!.ordered.get('newest')).toEqual([6, 5]);
  });

  it('leaves the caller its rids when a scan alone is over the budget', () => {
    const cache = new ScanCache(0);
    const big = result(5);
    cache.put('big', big);
    expect(big.rids).toHaveLength(5);
    expect(cache.get('big')).toMatchObject({ total: 5, rids: null });
  });
});
