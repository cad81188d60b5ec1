/**
 * Dutch language data shared by both engines, so a query means the same on each: a modest stop-word
 * list (only words too frequent to narrow a search of Dutch posts) and a few synonym groups that
 * archivists search by (the Woo replaced the Wob; corona/covid).
 */

export const DUTCH_STOP_WORDS: readonly string[] = [
  'de',
  'het',
  'een',
  'en',
  'van',
  'in',
  'op',
  'te',
  'dat',
  'die',
  'is',
  'voor',
  'met',
  'aan',
  'er',
  'om',
  'als',
  'bij',
  'of',
  'tot',
  'uit',
  'naar',
  'ook',
  'dan',
  'maar',
  'nog',
  'wel',
  'door',
  'over',
];

const STOP_WORD_SET: ReadonlySet<string> = new Set(DUTCH_STOP_WORDS);

export function isStopWord(normalisedWord: string): boolean {
  return STOP_WORD_SET.has(normalisedWord);
}

/** Each group's words are interchangeable single (normalised) words. */
export const DUTCH_SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['woo', 'wob'],
  ['corona', 'covid', 'covid19'],
  ['belastingdienst', 'fiscus'],
  ['nederland', 'nl'],
];

const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  DUTCH_SYNONYM_GROUPS.flatMap((group) => group.map((w) => [w, group.filter((o) => o !== w)] as const)),
);

/** The other words of the synonym group of `normalisedWord` (empty when it has none). */
export function synonymsOf(normalisedWord: string): readonly string[] {
  return SYNONYMS.get(normalisedWord) ?? [];
}
