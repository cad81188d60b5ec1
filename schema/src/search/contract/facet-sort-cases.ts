import { expect, it } from 'vitest';
import type { FacetName, SearchFilter, SearchRequest } from '../search-index.js';
import { yearRange } from '../text/year.js';
import { ORG_A_IDS, req } from './fixtures.js';
import type { IndexGetter } from './search-contract.js';

/** The filter that selects exactly the documents a facet value counts. */
function filterFor(facet: FacetName, value: string): Partial<SearchRequest> {
  const f: Record<Exclude<FacetName, 'organisationId'>, SearchFilter> = {
    platform: { platforms: [value as never] },
    accountId: { accountIds: [value] },
    status: { statuses: [value as never] },
    kind: { kinds: [value as never] },
    year: yearRange(Number(value)),
  };
  return facet === 'organisationId' ? { organisationIds: [value] } : { filter: f[facet] };
}

export function facetAndSortCases(index: IndexGetter): void {
  it('facet counts equal the totals of the correspondingly filtered searches', async () => {
    const facets: FacetName[] = ['organisationId', 'platform', 'accountId', 'status', 'kind', 'year'];
    for (const text of ['', 'belastingdienst', 'vacature', 'persbericht']) {
      const all = await index().search(req({ text, facets, limit: 1 }));
      for (const facet of facets) {
        for (const [value, count] of Object.entries(all.facets[facet] ?? {})) {
          const narrowed = await index().search(req({ text, limit: 1, ...filterFor(facet, value) }));
          expect(narrowed.total, `${text} ${facet}=${value}`).toBe(count);
        }
      }
      const platformSum = Object.values(all.facets.platform ?? {}).reduce((s, n) => s + n, 0);
      expect(platformSum).toBe(all.total);
    }
  });

  it('counts years in Amsterdam time', async () => {
    const result = await index().search(req({ text: 'voorjaarsnota', facets: ['year'] }));
    expect(result.facets.year).toEqual({ '2023': 1 });
  });

  it('sorts newest and oldest by date, ties by id', async () => {
    const newest = (await index().search(req({ sort: 'newest' }))).hits.map((h) => h.id);
    const oldest = (await index().search(req({ sort: 'oldest' }))).hits.map((h) => h.id);
    expect(newest).toHaveLength(ORG_A_IDS.length);
    expect(newest.slice(0, 3)).toEqual(['a-7', 'a-4', 'a-8']);
    expect(oldest.slice(0, 2)).toEqual(['a-pers-00', 'a-pers-01']);
    const pers = newest.filter((id) => id.startsWith('a-pers'));
    expect(pers.slice(0, 2)).toEqual(['a-pers-10', 'a-pers-11']);
  });

  it('ranks equally relevant documents newest first', async () => {
    const result = await index().search(req({ text: 'persbericht verkeersveiligheid', sort: 'relevance' }));
    expect(result.hits.map((h) => h.id).slice(0, 4)).toEqual([
      'a-pers-10',
      'a-pers-11',
      'a-pers-08',
      'a-pers-09',
    ]);
  });

  it('offset pages do not overlap and together cover every hit, for every sort', async () => {
    for (const sort of ['relevance', 'newest', 'oldest'] as const) {
      for (const text of ['', 'persbericht']) {
        const full = (await index().search(req({ text, sort }))).hits.map((h) => h.id);
        for (const limit of [3, 5]) {
          const seen: string[] = [];
          for (let offset = 0; offset < full.length; offset += limit) {
            const page = await index().search(req({ text, sort, limit, offset }));
            expect(page.total).toBe(full.length);
            seen.push(...page.hits.map((h) => h.id));
          }
          expect(seen, `${sort} ${text} ${limit}`).toEqual(full);
        }
        const odd = await index().search(req({ text, sort, limit: 4, offset: 2 }));
        expect(odd.hits.map((h) => h.id)).toEqual(full.slice(2, 6));
      }
    }
  });

  it('an offset past the end gives no hits but the exact total', async () => {
    const result = await index().search(req({ offset: 1000, limit: 10 }));
    expect(result.hits).toEqual([]);
    expect(result.total).toBe(ORG_A_IDS.length);
  });
}
