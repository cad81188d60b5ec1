import { describe, expect, it } from 'vitest';
import type { NormalisedContent } from '../domain/normalised-item.js';
import { contentHash, toStoredContent } from './stored-content.js';

const content: NormalisedContent = {
  text: 'De dijkversterking bij Kampen begint maandag.',
  title: null,
  language: 'nl',
  links: ['https://example.org/a'],
  hashtags: ['dijk'],
  mentions: [],
  media: [{ originalUrl: 'https://example.org/a.png', mimeType: 'image/png', altText: 'kaart', bytes: null, missingReason: null }],
  warning: null,
};
const refs = [{ sha256: null, originalUrl: 'https://example.org/a.png', mimeType: 'image/png', altText: 'kaart' }];

// Archives already hold these hashes and JSON texts: both must stay byte for byte as they were.
describe('stored content', () => {
  it('keeps the content’s key order with media last, as stored so far', () => {
    const { media: _bytes, ...rest } = content;
    expect(JSON.stringify(toStoredContent(content, refs))).toBe(JSON.stringify({ ...rest, media: refs }));
    const reordered = { media: [], warning: 'cw', text: 'x', title: 't', language: null, links: [], hashtags: [], mentions: [] };
    expect(Object.keys(toStoredContent(reordered, []))).toEqual(['warning', 'text', 'title', 'language', 'links', 'hashtags', 'mentions', 'media']);
  });

  it('hashes to the value archives already hold', () => {
    expect(contentHash(toStoredContent(content, refs))).toBe('f3ea828f2045d63fd2126a1297575781be6e231eeb18bb2019756809ab2d4603');
  });
});
