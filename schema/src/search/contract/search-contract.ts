import { afterAll, beforeAll, describe } from 'vitest';
import type { SearchIndex } from '../search-index.js';
import { facetAndSortCases } from './facet-sort-cases.js';
import { filterCases } from './filter-cases.js';
import { FIXTURES } from './fixtures.js';
import { scopingCases } from './scoping-cases.js';
import { textCases } from './text-cases.js';
import { writeCases } from './write-cases.js';

/** Gives a case the shared, fixture-loaded index (which exists only once `beforeAll` ran). */
export type IndexGetter = () => SearchIndex;

/**
 * The behaviour every SearchIndex implementation must show, as a vitest suite.
 *
 * @param makeIndex returns a new index over empty (or disposable) storage; the suite calls `init`,
 *   `clear` and `close` itself. Read-only cases share one index loaded with FIXTURES; write cases
 *   make their own.
 */
export function describeSearchContract(name: string, makeIndex: () => Promise<SearchIndex>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let shared: SearchIndex | null = null;
    beforeAll(async () => {
      const index = await makeIndex();
      await index.init();
      await index.clear();
      await index.upsert(FIXTURES);
      shared = index;
    });
    afterAll(async () => {
      await shared?.close();
    });
    const get: IndexGetter = () => {
      if (!shared) throw new Error('fixture index not ready');
      return shared;
    };

    describe('organisation scoping', () => scopingCases(get));
    describe('text queries', () => textCases(get));
    describe('filters', () => filterCases(get));
    describe('facets, sorting and pagination', () => facetAndSortCases(get));
    describe('writes', () => writeCases(makeIndex));
  });
}
