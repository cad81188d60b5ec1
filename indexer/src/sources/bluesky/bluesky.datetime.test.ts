import { describe, expect, it } from 'vitest';
import { parseAtprotoDatetime } from './bluesky.datetime.js';

const iso = (value: string) => parseAtprotoDatetime(value)?.toISOString() ?? null;

describe('parseAtprotoDatetime', () => {
  it('reads 0, 3, 6 and 9 fractional digits, truncating below the millisecond', () => {
    expect(iso('2023-10-03T02:49:12Z')).toBe('2023-10-03T02:49:12.000Z');
    expect(iso('2023-10-03T02:49:12.980Z')).toBe('2023-10-03T02:49:12.980Z');
    expect(iso('2023-10-03T02:49:12.980686Z')).toBe('2023-10-03T02:49:12.980Z');
    expect(iso('2023-10-03T02:49:12.999999999Z')).toBe('2023-10-03T02:49:12.999Z');
    expect(iso('2023-10-03T02:49:12.5Z')).toBe('2023-10-03T02:49:12.500Z');
  });

  it('applies zone offsets exactly', () => {
    expect(iso('2023-10-03T04:49:12.980686+02:00')).toBe('2023-10-03T02:49:12.980Z');
    expect(iso('2023-10-02T21:19:12-05:30')).toBe('2023-10-03T02:49:12.000Z');
    expect(iso('2023-10-03T02:49:12+00:00')).toBe('2023-10-03T02:49:12.000Z');
    // Across a year boundary.
    expect(iso('2024-01-01T00:30:00+01:00')).toBe('2023-12-31T23:30:00.000Z');
  });

  it('refuses what is not an RFC 3339 datetime with a zone', () => {
    for (const bad of ['2023-10-03T02:49:12', '2023-10-03 02:49:12Z', '2023-02-29T00:00:00Z', '2023-13-01T00:00:00Z', '2023-10-03T24:00:00Z', '2023-10-03T02:49:12.Z', 'yesterday', ''])
      expect(parseAtprotoDatetime(bad)).toBeNull();
    expect(iso('2024-02-29T00:00:00Z')).toBe('2024-02-29T00:00:00.000Z');
  });
});
