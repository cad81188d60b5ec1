import { escapeHtml } from './html.js';
import { tokenMatchesWord, phraseStarts } from './match.js';
import { tokeniseWithOffsets, type PositionedToken } from './normalise.js';
import type { ParsedQuery } from './query.js';

/** Texts up to this long are shown whole; longer ones as a window of about SNIPPET_CHARS. */
const WHOLE_TEXT_MAX = 240;
const SNIPPET_CHARS = 200;
/** How much context to keep before the first match. */
const LEAD_CHARS = 60;

/**
 * The text HTML-escaped, with the tokens the query matches wrapped in `<mark>`; a long text is cut
 * to a snippet around the first match (or its start) with `…` where something was left out.
 */
export function highlightText(text: string, query: ParsedQuery | null): string {
  const tokens = tokeniseWithOffsets(text);
  const marked = query ? markedTokens(tokens, query) : new Set<number>();
  const { start, end } = snippetWindow(text, tokens, marked);
  let out = start > 0 ? '…' : '';
  let pos = start;
  tokens.forEach((t, i) => {
    if (!marked.has(i) || t.start < start || t.end > end) return;
    out += `${escapeHtml(text.slice(pos, t.start))}<mark>${escapeHtml(text.slice(t.start, t.end))}</mark>`;
    pos = t.end;
  });
  out += escapeHtml(text.slice(pos, end));
  return end < text.length ? `${out}…` : out;
}

function markedTokens(tokens: readonly PositionedToken[], query: ParsedQuery): Set<number> {
  const marked = new Set<number>();
  tokens.forEach((t, i) => {
    if (query.words.some((w) => tokenMatchesWord(t.word, w))) marked.add(i);
  });
  const words = tokens.map((t) => t.word);
  for (const phrase of query.phrases) {
    for (const s of phraseStarts(words, phrase)) for (let k = 0; k < phrase.length; k++) marked.add(s + k);
  }
  return marked;
}

function snippetWindow(
  text: string,
  tokens: readonly PositionedToken[],
  marked: ReadonlySet<number>,
): { start: number; end: number } {
  if (text.length <= WHOLE_TEXT_MAX) return { start: 0, end: text.length };
  const first = tokens.findIndex((_, i) => marked.has(i));
  const anchor = first >= 0 ? tokens[first]!.start : 0;
  let start = Math.max(0, anchor - LEAD_CHARS);
  // Never cut a word: start at a token boundary and end after a whole token.
  if (start > 0) start = tokens.find((t) => t.end > start)?.start ?? start;
  if (start > anchor) start = anchor;
  const limit = start + SNIPPET_CHARS;
  let end = Math.min(text.length, limit);
  if (end < text.length) {
    const inside = tokens.filter((t) => t.start >= start && t.end <= limit);
    end = inside.length > 0 ? inside[inside.length - 1]!.end : end;
  }
  return { start, end };
}
