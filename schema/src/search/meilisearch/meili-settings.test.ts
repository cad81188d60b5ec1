import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../search-index.js';
import { parseQuery } from '../text/query.js';
import { fromHex, meiliPrimaryKey, toHex, toMeiliDocument } from './meili-document.js';
import { buildMeiliSearchPlan, meiliQueryText } from './meili-search-params.js';
import { buildMeiliSettings } from './meili-settings.js';
import { doc } from '../contract/fixtures.js';

describe('buildMeiliSettings', () => {
  const settings = buildMeiliSettings();

  it('searches text, history and author; filters and facets on every filter field', () => {
    expect(settings.searchableAttributes).toEqual(['text', 'history', 'author']);
    for (const attr of [
      'organisationKey',
      'platform',
      'accountKey',
      'kind',
      'status',
      'authorKind',
      'createdAt',
      'year',
      'language',
      'hasMedia',
      'conversationKey',
    ]) {
      expect(settings.filterableAttributes).toContain(attr);
    }
    expect(settings.sortableAttributes).toEqual(['createdAt', 'id']);
  });

  it('sorts strictly when asked, else by relevance then newest then id', () => {
    const rules = settings.rankingRules ?? [];
    expect(rules[0]).toBe('sort');
    expect(rules.slice(-2)).toEqual(['createdAt:desc', 'id:asc']);
  });

  it('has typo tolerance with Meilisearch’s word sizes, Dutch stop words and symmetric synonyms', () => {
    expect(settings.typoTolerance).toMatchObject({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    });
    expect(settings.stopWords).toEqual(expect.arrayContaining(['de', 'het', 'een']));
    const synonyms = settings.synonyms ?? {};
    expect(synonyms.woo).toEqual(['wob']);
    expect(synonyms.wob).toEqual(['woo']);
  });
});

describe('toMeiliDocument', () => {
  it('stores ids hex-encoded, the current text, earlier texts and the year', () => {
    const d = toMeiliDocument(
      doc(
        {
          id: 'Id/1 "x"',
          organisationId: 'Org-A',
          accountId: null,
          createdAt: Date.parse('2022-12-31T23:30:00Z'),
        },
        'oud',
        'nieuw',
      ),
    );
    expect(d.pk).toMatch(/^[0-9a-f]+$/);
    expect(fromHex(d.pk)).toBe('Id/1 "x"');
    expect(d.organisationKey).toBe(toHex('Org-A'));
    expect(d.organisationKey).not.toBe(toHex('org-a'));
    expect(d).toMatchObject({
      text: 'nieuw',
      history: ['oud'],
      authorKind: 'other',
      accountKey: null,
      year: 2023,
    });
  });

  it('refuses ids Meilisearch could not store', () => {
    expect(() => meiliPrimaryKey('x'.repeat(300))).toThrow();
  });
});

describe('meiliQueryText', () => {
  it('passes words and phrases only, never operators', () => {
    expect(meiliQueryText(parseQuery('-belastingdienst NOT "voorlopige aanslagen" x:y'))).toBe(
      '"voorlopige aanslagen" belastingdienst not x y ',
    );
    // A one-letter last word is too short to be a prefix, so it is closed with a space.
    expect(meiliQueryText(parseQuery('foo" OR organisationId = "b'))).toBe('"or organisationid" foo b ');
  });

  it('keeps the last word a prefix only while it is being typed', () => {
    expect(meiliQueryText(parseQuery('gemeente belast'))).toBe('gemeente belast');
    expect(meiliQueryText(parseQuery('gemeente belast '))).toBe('gemeente belast ');
    expect(meiliQueryText(parseQuery('"aanhalingstekens"'))).toBe('"aanhalingstekens" ');
  });
});

describe('buildMeiliSearchPlan', () => {
  const base: SearchRequest = { text: 'belasting', organisationIds: ['org-a'], limit: 20, offset: 0 };
  const plan = (r: Partial<SearchRequest>) =>
    buildMeiliSearchPlan({ ...base, ...r }, parseQuery(r.text ?? base.text));

  it('asks for exhaustive pages and requires every word', () => {
    expect(plan({ offset: 40 })?.params).toMatchObject({ page: 3, hitsPerPage: 20, matchingStrategy: 'all' });
    expect(plan({ offset: 40 })?.skip).toBe(0);
  });

  it('fetches up to an unaligned offset and skips the excess', () => {
    expect(plan({ offset: 5, limit: 10 })).toMatchObject({ params: { page: 1, hitsPerPage: 15 }, skip: 5 });
  });

  it('sorts by date for newest/oldest and for an empty query, by ranking rules for relevance', () => {
    expect(plan({ sort: 'newest' })?.params.sort).toEqual(['createdAt:desc', 'id:asc']);
    expect(plan({ sort: 'oldest' })?.params.sort).toEqual(['createdAt:asc', 'id:asc']);
    expect(plan({})?.params.sort).toBeUndefined();
    expect(plan({ text: '' })?.params.sort).toEqual(['createdAt:desc', 'id:asc']);
  });

  it('maps facet names to stored attributes and returns null when nothing can match', () => {
    expect(plan({ facets: ['organisationId', 'accountId', 'year'] })?.params.facets).toEqual([
      'organisationKey',
      'accountKey',
      'year',
    ]);
    expect(plan({ organisationIds: [] })).toBeNull();
  });
});
