import type { Settings } from 'meilisearch';
import { DUTCH_STOP_WORDS, DUTCH_SYNONYM_GROUPS } from '../text/dutch.js';

/** Deepest result reachable by offset; also bounds the work behind an exact total. */
export const MAX_TOTAL_HITS = 10_000;

/**
 * Index settings. `sort` is the first ranking rule so `newest`/`oldest` order strictly by date even
 * with text; without a sort parameter it does nothing and relevance applies, with createdAt:desc and
 * id:asc as the last rules (newest first among equals, then a stable order for pagination).
 */
export function buildMeiliSettings(): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const group of DUTCH_SYNONYM_GROUPS) {
    for (const word of group) synonyms[word] = group.filter((other) => other !== word);
  }
  return {
    searchableAttributes: ['text', 'history', 'author'],
    displayedAttributes: ['id', 'versions'],
    filterableAttributes: [
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
    ],
    sortableAttributes: ['createdAt', 'id'],
    rankingRules: [
      'sort',
      'words',
      'typo',
      'proximity',
      'attribute',
      'exactness',
      'createdAt:desc',
      'id:asc',
    ],
    stopWords: [...DUTCH_STOP_WORDS],
    synonyms,
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    // Facets over accounts can exceed the default 100 values; counts must be complete.
    faceting: { maxValuesPerFacet: 1000 },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}
