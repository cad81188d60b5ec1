import { expect, it } from 'vitest';
import { FIXTURES, ORG_A, ORG_A_IDS, ORG_B, ORG_EVIL, ids, req } from './fixtures.js';
import type { IndexGetter } from './search-contract.js';

const ALL_FACETS = ['organisationId', 'platform', 'accountId', 'status', 'kind', 'year'] as const;

export function scopingCases(index: IndexGetter): void {
  it('returns only documents of the given organisation', async () => {
    const a = await index().search(req({ text: 'belastingdienst' }));
    expect(ids(a)).toEqual(['a-1', 'a-3']);
    const b = await index().search(req({ text: 'belastingdienst', organisationIds: [ORG_B] }));
    expect(ids(b)).toEqual(['b-1']);
  });

  it('an empty query lists exactly the organisation’s documents', async () => {
    const result = await index().search(req({ facets: [...ALL_FACETS] }));
    expect(result.total).toBe(ORG_A_IDS.length);
    expect(ids(result)).toEqual([...ORG_A_IDS].sort());
    expect(result.facets.organisationId).toEqual({ [ORG_A]: ORG_A_IDS.length });
  });

  it('several organisations are searched together, and only those', async () => {
    const result = await index().search(
      req({ text: 'belastingdienst', organisationIds: [ORG_A, ORG_B], facets: ['organisationId'] }),
    );
    expect(ids(result)).toEqual(['a-1', 'a-3', 'b-1']);
    expect(result.facets.organisationId).toEqual({ [ORG_A]: 2, [ORG_B]: 1 });
  });

  it('an empty organisation list matches nothing: no hits, no total, no facet counts', async () => {
    for (const text of ['', 'belastingdienst']) {
      const result = await index().search(req({ text, organisationIds: [], facets: [...ALL_FACETS] }));
      expect(result.total).toBe(0);
      expect(result.hits).toEqual([]);
      for (const counts of Object.values(result.facets)) expect(counts).toEqual({});
    }
  });

  it('facets never count another organisation’s documents', async () => {
    const result = await index().search(
      req({ text: 'financiele', facets: ['platform', 'accountId', 'year'] }),
    );
    const platformSum = Object.values(result.facets.platform ?? {}).reduce((s, n) => s + n, 0);
    expect(platformSum).toBe(result.total);
    expect(Object.keys(result.facets.accountId ?? {})).not.toContain('acc-b1');
    expect(ids(result)).not.toContain('b-1');
  });

  it('an organisation id shaped like an injection is compared as data', async () => {
    const evil = await index().search(req({ organisationIds: [ORG_EVIL] }));
    expect(ids(evil)).toEqual(['evil-1']);
    const forged = await index().search(req({ organisationIds: [`${ORG_B}" OR organisationId != "x`] }));
    expect(forged.total).toBe(0);
    const quoted = await index().search(req({ organisationIds: [`'${ORG_A}' OR 1=1 --`, `${ORG_A}\\`] }));
    expect(quoted.total).toBe(0);
  });

  it('unknown organisations see nothing', async () => {
    const result = await index().search(req({ organisationIds: ['org-unknown'], text: 'belastingdienst' }));
    expect(result.total).toBe(0);
    expect(FIXTURES.some((d) => d.organisationId === 'org-unknown')).toBe(false);
  });
}
