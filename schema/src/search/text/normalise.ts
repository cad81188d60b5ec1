/**
 * Text normalisation shared by both engines. It mirrors SQLite's `unicode61 remove_diacritics 2`
 * tokenizer (letters, digits and private-use characters form tokens; case and Latin diacritics are
 * folded), so terms built here are the terms the FTS index holds, and Meilisearch results can be
 * re-checked in JS with the same notion of "word".
 */

const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const MARKS = /\p{M}/gu;

/** Lower-cases and strips combining marks: "Financiële" → "financiele". */
export function normaliseWord(word: string): string {
  // Lower-case first: lower-casing after stripping can re-introduce a mark ("İ" → "i̇").
  return word.toLowerCase().normalize('NFD').replace(MARKS, '');
}

/** Normalised tokens of a text, in order. */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = normaliseWord(m[0]);
    if (word.length > 0) out.push(word);
  }
  return out;
}

export interface PositionedToken {
  /** Normalised form. */
  word: string;
  /** Offsets into the original text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

/** Tokens with their position in the original text, for highlighting. */
export function tokeniseWithOffsets(text: string): PositionedToken[] {
  const out: PositionedToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = normaliseWord(m[0]);
    if (word.length > 0) out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
