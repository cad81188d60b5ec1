import { afterEach, expect, it } from 'vitest';
import type { SearchIndex } from '../search-index.js';
import { doc, ids, req } from './fixtures.js';

/** Each case gets its own empty index, so writes cannot disturb the shared fixtures. */
export function writeCases(makeIndex: () => Promise<SearchIndex>): void {
  const open: SearchIndex[] = [];
  const fresh = async (): Promise<SearchIndex> => {
    const index = await makeIndex();
    open.push(index);
    await index.init();
    await index.clear();
    return index;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((i) => i.close()));
  });

  it('upsert replaces the document with the same id, text and fields alike', async () => {
    const index = await fresh();
    await index.upsert([doc({ id: 'w-1', status: 'live' }, 'Oude tekst over dijkversterking')]);
    await index.upsert([
      doc({ id: 'w-1', status: 'deleted', platform: 'bluesky' }, 'Nieuwe tekst over waterberging'),
    ]);
    expect(await index.count()).toBe(1);
    expect((await index.search(req({ text: 'dijkversterking' }))).total).toBe(0);
    expect(ids(await index.search(req({ text: 'waterberging' })))).toEqual(['w-1']);
    const facets = await index.search(req({ facets: ['status', 'platform'] }));
    expect(facets.facets).toEqual({ status: { deleted: 1 }, platform: { bluesky: 1 } });
  });

  it('an edit keeps old words findable through the new version’s history', async () => {
    const index = await fresh();
    await index.upsert([doc({ id: 'w-2' }, 'Eerste versie over dijkversterking')]);
    await index.upsert([
      doc({ id: 'w-2' }, 'Eerste versie over dijkversterking', 'Tweede versie over waterberging'),
    ]);
    const old = await index.search(req({ text: 'dijkversterking' }));
    expect(old.hits).toEqual([expect.objectContaining({ id: 'w-2', matchedVersionNo: 1 })]);
  });

  it('upsert and remove are idempotent; removing an unknown id is fine', async () => {
    const index = await fresh();
    const batch = [
      doc({ id: 'w-3' }, 'Uitnodiging inloopavond'),
      doc({ id: 'w-4' }, 'Uitnodiging raadsvergadering'),
    ];
    await index.upsert(batch);
    await index.upsert(batch);
    expect(await index.count()).toBe(2);
    expect((await index.search(req({ text: 'uitnodiging' }))).total).toBe(2);
    await index.remove(['w-3']);
    await index.remove(['w-3', 'does-not-exist']);
    await index.remove([]);
    expect(await index.count()).toBe(1);
    expect(ids(await index.search(req({ text: 'uitnodiging' })))).toEqual(['w-4']);
    expect((await index.search(req({ text: 'inloopavond' }))).total).toBe(0);
  });

  it('a batch of 500 is written at once and read back', async () => {
    const index = await fresh();
    const batch = Array.from({ length: 500 }, (_, i) =>
      doc(
        { id: `bulk-${i}`, createdAt: Date.UTC(2020, 0, 1) + i * 60_000 },
        `Bericht ${i} over de omgevingswet`,
      ),
    );
    await index.upsert(batch);
    expect(await index.count()).toBe(500);
    const result = await index.search(req({ text: 'omgevingswet', limit: 10, sort: 'oldest' }));
    expect(result.total).toBe(500);
    expect(result.hits.map((h) => h.id).slice(0, 2)).toEqual(['bulk-0', 'bulk-1']);
  });

  it('clear empties the index; init again is harmless', async () => {
    const index = await fresh();
    await index.upsert([doc({ id: 'w-5' }, 'Tijdelijk bericht')]);
    await index.init();
    expect(await index.count()).toBe(1);
    await index.clear();
    expect(await index.count()).toBe(0);
    expect((await index.search(req({ text: 'tijdelijk' }))).total).toBe(0);
    await index.upsert([doc({ id: 'w-5' }, 'Tijdelijk bericht')]);
    expect(ids(await index.search(req({ text: 'tijdelijk' })))).toEqual(['w-5']);
  });

  it('stores hostile text and ids as data', async () => {
    const index = await fresh();
    const weird = `id "with' quotes\\ and ; spaces`;
    await index.upsert([doc({ id: weird, conversationId: weird }, 'Tekst met "quotes" en \\ backslash')]);
    const result = await index.search(req({ text: 'quotes', filter: { conversationId: weird } }));
    expect(ids(result)).toEqual([weird]);
    await index.remove([weird]);
    expect(await index.count()).toBe(0);
  });
}
