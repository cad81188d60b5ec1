import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { generateDemoPng } from './images.js';

describe('generateDemoPng', () => {
  it('makes valid 64×64 PNGs that decode with pngjs', () => {
    for (let seed = 0; seed < 40; seed++) {
      const bytes = generateDemoPng(seed);
      const png = PNG.sync.read(Buffer.from(bytes));
      expect(png.width).toBe(64);
      expect(png.height).toBe(64);
    }
  });

  it('is deterministic per seed and varies between seeds', () => {
    expect(Buffer.from(generateDemoPng(5)).equals(Buffer.from(generateDemoPng(5)))).toBe(true);
    const distinct = new Set(
      Array.from({ length: 50 }, (_, i) => Buffer.from(generateDemoPng(i)).toString('base64')),
    );
    expect(distinct.size).toBe(50);
  });
});
