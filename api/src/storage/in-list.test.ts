import { describe, expect, it } from 'vitest';
import { inList } from './in-list.js';

describe('inList', () => {
  it('pads to the next power of two with the last value, so list lengths share statements', () => {
    expect(inList(['a'])).toEqual({ placeholders: '?', params: ['a'] });
    expect(inList(['a', 'b', 'c'])).toEqual({ placeholders: '?, ?, ?, ?', params: ['a', 'b', 'c', 'c'] });
    const twenty = Array.from({ length: 20 }, (_, i) => `id-${i}`);
    const { params } = inList(twenty);
    expect(params).toHaveLength(32);
    expect(new Set(params)).toEqual(new Set(twenty));
  });

  it('sends very long lists as they are, and refuses an empty one', () => {
    const long = Array.from({ length: 1500 }, (_, i) => i);
    expect(inList(long).params).toEqual(long);
    expect(() => inList([])).toThrow();
  });
});
