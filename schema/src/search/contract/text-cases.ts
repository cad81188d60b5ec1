import { expect, it } from 'vitest';
import { ids, req } from './fixtures.js';
import type { IndexGetter } from './search-contract.js';

/** Inputs that are operators in FTS5, Meilisearch or SQL; all must be plain text to the engine. */
const HOSTILE_TEXTS = [
  'belastingdienst" OR organisationId:org-b',
  'organisationId = "org-b"',
  'NEAR(belastingdienst aanslagen)',
  '*',
  '-',
  '-belastingdienst',
  '^belastingdienst',
  'belasting*',
  '\\',
  '\\"',
  '"onafgesloten citaat',
  'a"b"c"',
  '()',
  'AND OR NOT',
  'text:belastingdienst',
  "'; DROP TABLE search_docs; --",
  '{}[]:+~',
];

export function textCases(index: IndexGetter): void {
  it('requires every word (AND)', async () => {
    expect(ids(await index().search(req({ text: 'belastingdienst aanslagen' })))).toEqual(['a-1']);
    expect(ids(await index().search(req({ text: 'gemeentehuis Zwolle' })))).toEqual(['a-2']);
    expect((await index().search(req({ text: 'belastingdienst gemeentehuis' }))).total).toBe(0);
  });

  it('matches a quoted phrase exactly and in order', async () => {
    expect(ids(await index().search(req({ text: '"voorlopige aanslagen"' })))).toEqual(['a-1']);
    expect((await index().search(req({ text: '"aanslagen voorlopige"' }))).total).toBe(0);
    expect((await index().search(req({ text: '"week voorlopige"' }))).total).toBe(0);
  });

  it('completes the last word as a prefix', async () => {
    expect(ids(await index().search(req({ text: 'voorjaars' })))).toEqual(['a-6']);
    expect(ids(await index().search(req({ text: 'vacature beleidsmede' })))).toEqual(['a-5']);
    expect(ids(await index().search(req({ text: 'teruggav' })))).toEqual(['a-3']);
  });

  it('tolerates one typo in a 5+ letter word and two in a 9+ letter word', async () => {
    expect(ids(await index().search(req({ text: 'belastingdinst' })))).toEqual(['a-1', 'a-3']);
    expect(ids(await index().search(req({ text: 'belastnigdienst' })))).toEqual(['a-1', 'a-3']);
    expect(ids(await index().search(req({ text: 'gemeentehius' })))).toEqual(['a-2']);
    expect(ids(await index().search(req({ text: 'zwole ' })))).toEqual(['a-2']);
  });

  it('ranks a document with the exact word above one that matched only with a typo', async () => {
    // "financiele" is two typos from "financien" (a-6): both match, the exact one first.
    const result = await index().search(req({ text: 'financiele' }));
    expect(result.hits.map((h) => h.id)).toEqual(['a-4', 'a-6']);
  });

  it('folds case and diacritics both ways', async () => {
    expect(ids(await index().search(req({ text: 'financiele steun' })))).toEqual(['a-4']);
    expect(ids(await index().search(req({ text: 'FINANCIËLE STEUN' })))).toEqual(['a-4']);
    expect(ids(await index().search(req({ text: 'financien minister' })))).toEqual(['a-6']);
  });

  it('finds a word that exists only in an earlier version, naming that version', async () => {
    const old = await index().search(req({ text: 'gemeentehuis' }));
    expect(old.hits).toEqual([expect.objectContaining({ id: 'a-2', matchedVersionNo: 1 })]);
    const current = await index().search(req({ text: 'stadskantoor' }));
    expect(current.hits).toEqual([expect.objectContaining({ id: 'a-2', matchedVersionNo: 2 })]);
    // "klimaat" is in versions 1 and 2 of a-5: the newest one that has it wins.
    const newest = await index().search(req({ text: 'klimaat energie' }));
    expect(newest.hits).toEqual([expect.objectContaining({ id: 'a-5', matchedVersionNo: 2 })]);
    const both = await index().search(req({ text: 'klimaat' }));
    expect(both.hits).toEqual([expect.objectContaining({ id: 'a-5', matchedVersionNo: 2 })]);
  });

  it('searches the author handle and name', async () => {
    expect(ids(await index().search(req({ text: 'jansen' })))).toEqual(['a-3']);
  });

  it('highlights matches in the current text, HTML-escaped otherwise', async () => {
    const steun = await index().search(req({ text: 'steun' }));
    expect(steun.hits[0]?.highlight).toContain('<mark>steun</mark>');
    const escaped = await index().search(req({ text: 'aanhalingstekens' }));
    const html = escaped.hits[0]?.highlight ?? '';
    expect(html).toContain('<mark>aanhalingstekens</mark>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('an empty query matches everything and names no version', async () => {
    const result = await index().search(req({ limit: 5 }));
    expect(result.hits).toHaveLength(5);
    for (const hit of result.hits) expect(hit.matchedVersionNo).toBeNull();
  });

  it('treats operator characters and keywords in the text as plain text', async () => {
    for (const text of HOSTILE_TEXTS) {
      const result = await index().search(req({ text, facets: ['organisationId'] }));
      expect(
        Object.keys(result.facets.organisationId ?? {}).filter((o) => o !== 'org-a'),
        text,
      ).toEqual([]);
      expect(
        result.hits.every((h) => h.id.startsWith('a-')),
        text,
      ).toBe(true);
    }
    // A minus is not negation: it finds what the bare word finds.
    expect(ids(await index().search(req({ text: '-belastingdienst' })))).toEqual(['a-1', 'a-3']);
  });

  it('finds text that contains quotes, backslashes and operators', async () => {
    expect(ids(await index().search(req({ text: '"aanhalingstekens"' })))).toEqual(['a-8']);
    expect(ids(await index().search(req({ text: '\\backslash\\' })))).toEqual(['a-8']);
    expect(ids(await index().search(req({ text: 'NEAR( organisationId:org-b' })))).toEqual(['a-8']);
  });
}
