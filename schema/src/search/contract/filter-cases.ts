import { expect, it } from 'vitest';
import type { SearchFilter, SearchRequest } from '../search-index.js';
import { SearchRequestError } from '../validate-request.js';
import { FIXTURES, ORG_A, ids, req } from './fixtures.js';
import type { IndexGetter } from './search-contract.js';

const orgA = FIXTURES.filter((d) => d.organisationId === ORG_A);
const expected = (keep: (d: (typeof FIXTURES)[number]) => boolean): string[] =>
  orgA
    .filter(keep)
    .map((d) => d.id)
    .sort();

export function filterCases(index: IndexGetter): void {
  const search = async (filter: SearchFilter, text = ''): Promise<string[]> =>
    ids(await index().search(req({ text, filter })));

  it('filters by status, platform, kind and author kind', async () => {
    expect(await search({ statuses: ['edited'] })).toEqual(expected((d) => d.status === 'edited'));
    expect(await search({ statuses: ['deleted'] })).toEqual(['a-4']);
    expect(await search({ platforms: ['facebook', 'instagram'] })).toEqual(['a-2', 'a-4']);
    expect(await search({ kinds: ['reply', 'comment'] })).toEqual(['a-3', 'a-7']);
    expect(await search({ authorKind: 'other' })).toEqual(['a-3', 'a-7']);
    expect(await search({ authorKind: 'own' })).toEqual(expected((d) => d.accountId !== null));
  });

  it('filters by account, conversation, language and media', async () => {
    expect(await search({ accountIds: ['acc-a2'] })).toEqual(expected((d) => d.accountId === 'acc-a2'));
    expect(await search({ conversationId: 'conv-1' })).toEqual(['a-1', 'a-3']);
    expect(await search({ language: 'en' })).toEqual(['a-5']);
    expect(await search({ hasMedia: true })).toEqual(['a-1', 'a-4']);
    expect(await search({ hasMedia: false })).toEqual(expected((d) => !d.hasMedia));
  });

  it('filters by date: from inclusive, to exclusive', async () => {
    const t = Date.parse('2023-06-15T10:00:00Z'); // a-2
    expect(await search({ from: t, to: t + 1 })).toEqual(['a-2']);
    expect(await search({ from: t + 1, to: t + 2 })).toEqual([]);
    expect(await search({ from: t - 1, to: t })).toEqual([]);
    expect(await search({ from: Date.parse('2024-01-01T00:00:00Z') })).toEqual(
      expected((d) => d.createdAt >= Date.parse('2024-01-01T00:00:00Z')),
    );
  });

  it('combines filters with text (AND)', async () => {
    expect(await search({ platforms: ['x'], authorKind: 'own' }, 'belastingdienst')).toEqual(['a-1']);
    expect(await search({ statuses: ['live'] }, 'gemeentehuis')).toEqual([]);
  });

  it('an empty filter list matches nothing', async () => {
    expect(await search({ platforms: [] })).toEqual([]);
    expect(await search({ accountIds: [] })).toEqual([]);
    expect(await search({ statuses: [] }, 'belastingdienst')).toEqual([]);
  });

  it('free-text filter values shaped like injections are compared as data', async () => {
    const attacks = [
      `acc-a1" OR organisationId = "org-b`,
      `acc-a1\\" OR platform = "x`,
      `acc-a1' OR '1'='1`,
      'acc-a1) OR (1=1',
    ];
    for (const value of attacks) {
      expect(await search({ accountIds: [value] }), value).toEqual([]);
      expect(await search({ conversationId: value }), value).toEqual([]);
      expect(await search({ language: value }), value).toEqual([]);
    }
    // The genuine value next to a forged one still matches only itself.
    expect(await search({ accountIds: ['acc-a1', attacks[0]!] })).toEqual(
      expected((d) => d.accountId === 'acc-a1'),
    );
  });

  it('rejects unknown enum values instead of passing them on', async () => {
    const bad: Partial<SearchRequest>[] = [
      { filter: { platforms: ['x" OR organisationId = "org-b' as never] } },
      { filter: { statuses: ['live OR 1=1' as never] } },
      { filter: { kinds: ['post\\'] as never } },
      { filter: { authorKind: 'anyone' as never } },
      { facets: ['organisationId OR x' as never] },
      { sort: 'createdAt:desc' as never },
      { limit: 0 },
      { limit: 101 },
      { offset: -1 },
      { filter: { from: Number.NaN } },
    ];
    for (const partial of bad) {
      await expect(index().search(req(partial)), JSON.stringify(partial)).rejects.toBeInstanceOf(
        SearchRequestError,
      );
    }
  });
}
