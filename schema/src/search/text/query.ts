import { isStopWord, synonymsOf } from './dutch.js';
import { tokenise } from './normalise.js';
import { allowedTypos } from './typo.js';

/**
 * The query language both engines understand: words (all must match, each with typo tolerance, the
 * last one also as a prefix while it is being typed) and "quoted phrases" (exact). Everything else in
 * the input is a separator, so no character can act as an operator in either engine.
 */

export interface QueryWord {
  /** Normalised (lower-case, diacritics removed). */
  word: string;
  /** Also matches words that start with it. */
  prefix: boolean;
  /** Typos allowed (0–2). */
  typos: number;
  /** Words that count as this one. */
  synonyms: readonly string[];
  /** Written in quotes: no typos, prefix or synonyms. */
  exact: boolean;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Exact sequences of normalised words, two or more each. */
  phrases: string[][];
}

/** A shorter last word is matched exactly: one-letter prefixes match most of the index. */
export const MIN_PREFIX_LENGTH = 2;
/** Bounds the work one request can cause (and is Meilisearch's own limit); later words are ignored. */
const MAX_WORDS = 10;
const MAX_PHRASE_WORDS = 32;
const MAX_INPUT_CHARS = 1000;

const ENDS_IN_WORD = /[\p{L}\p{N}\p{Co}\p{M}]$/u;

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_INPUT_CHARS);
  // Odd segments lie between quotes; an unbalanced last quote opens nothing.
  const segments = text.split('"');
  const plain: string[] = [];
  const exact: string[] = [];
  const phrases: string[][] = [];
  segments.forEach((segment, i) => {
    const tokens = tokenise(segment);
    const quoted = i % 2 === 1 && i < segments.length - 1;
    if (!quoted) plain.push(...tokens);
    else if (tokens.length === 1) exact.push(tokens[0]!);
    else if (tokens.length > 1) phrases.push(tokens.slice(0, MAX_PHRASE_WORDS));
  });

  // The final segment is never quoted, so text ending in a word means the last plain word is being typed.
  const lastIsTyped = ENDS_IN_WORD.test(text);
  const words: QueryWord[] = plain.map((word, i) => {
    const prefix = i === plain.length - 1 && lastIsTyped && [...word].length >= MIN_PREFIX_LENGTH;
    return { word, prefix, typos: allowedTypos(word), synonyms: synonymsOf(word), exact: false };
  });
  const meaningful = words.filter((w) => w.prefix || !isStopWord(w.word));
  const kept = meaningful.length > 0 || exact.length > 0 || phrases.length > 0 ? meaningful : words;
  const all = [
    ...kept,
    ...exact.map((word) => ({ word, prefix: false, typos: 0, synonyms: [], exact: true })),
  ];

  const seen = new Set<string>();
  const unique = all.filter((w) => {
    const key = `${w.word}|${w.prefix}|${w.exact}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { words: unique.slice(0, MAX_WORDS), phrases: phrases.slice(0, MAX_WORDS) };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.phrases.length === 0;
}
