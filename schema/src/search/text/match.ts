import type { ParsedQuery, QueryWord } from './query.js';
import { tokenise } from './normalise.js';
import { withinTypos } from './typo.js';

/** Whether one normalised token satisfies a query word (exactly, as a synonym, prefix or with typos). */
export function tokenMatchesWord(token: string, w: QueryWord): boolean {
  if (token === w.word || w.synonyms.includes(token)) return true;
  if (w.prefix && token.startsWith(w.word)) return true;
  return withinTypos(token, w.word, w.typos);
}

/** Start indexes in `tokens` where `phrase` occurs. */
export function phraseStarts(tokens: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (phrase.every((p, k) => tokens[i + k] === p)) starts.push(i);
  }
  return starts;
}

/** How many of the query's words and phrases a token list satisfies. */
export function satisfiedParts(tokens: readonly string[], query: ParsedQuery): number {
  let n = 0;
  for (const w of query.words) if (tokens.some((t) => tokenMatchesWord(t, w))) n++;
  for (const p of query.phrases) if (phraseStarts(tokens, p).length > 0) n++;
  return n;
}

/**
 * The version a hit matched: the newest whose text satisfies the whole query; when the words are
 * spread over versions (or matched only the author), the newest with the most parts; failing that,
 * the current version. Null for an empty query.
 */
export function matchedVersionNo(
  versions: readonly { versionNo: number; text: string }[],
  query: ParsedQuery,
): number | null {
  const parts = query.words.length + query.phrases.length;
  if (parts === 0 || versions.length === 0) return null;
  let best: { versionNo: number; score: number } | null = null;
  for (let i = versions.length - 1; i >= 0; i--) {
    const v = versions[i]!;
    const score = satisfiedParts(tokenise(v.text), query);
    if (score === parts) return v.versionNo;
    if (score > 0 && (best === null || score > best.score)) best = { versionNo: v.versionNo, score };
  }
  return best?.versionNo ?? versions[versions.length - 1]!.versionNo;
}
