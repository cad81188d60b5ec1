import type { ParsedQuery, QueryWord } from '../text/query.js';

/**
 * Builds an FTS5 MATCH expression from a parsed query. Every term is a double-quoted FTS5 string, so
 * nothing the user typed can become an operator, a column filter or NEAR(): the only syntax in the
 * result is written here (quotes, `*`, OR, AND, parentheses).
 */

/** An FTS5 string literal (a quote inside is doubled, though the tokeniser never yields one). */
export function ftsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * @param typoCandidates indexed terms within the word's typo distance.
 * @returns null for a query without terms (match everything the filters allow).
 */
export function buildFtsMatch(
  query: ParsedQuery,
  typoCandidates: (word: QueryWord) => readonly string[],
): string | null {
  const parts = groups(query, typoCandidates).map((list) =>
    list.length === 1 ? list[0]! : `(${list.join(' OR ')})`,
  );
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/** Every term, prefix and phrase of the query's expression without typo alternatives (FTS5's "phrases"). */
export function typedPhrases(query: ParsedQuery): string[] {
  return groups(query, () => []).flat();
}

/** Per word its alternatives (term or prefix, synonyms, typo candidates), then each phrase. */
function groups(query: ParsedQuery, typoCandidates: (word: QueryWord) => readonly string[]): string[][] {
  const parts: string[][] = [];
  for (const w of query.words) {
    const alternatives = new Set<string>([ftsString(w.word) + (w.prefix ? '*' : '')]);
    for (const s of w.synonyms) alternatives.add(ftsString(s));
    if (w.typos > 0) for (const c of typoCandidates(w)) alternatives.add(ftsString(c));
    parts.push([...alternatives]);
  }
  for (const phrase of query.phrases) parts.push([ftsString(phrase.join(' '))]);
  return parts;
}
