/**
 * Detection of Dutch personal identifiers in free text: BSN (11-check), IBAN (mod-97), Dutch
 * phone numbers and e-mail addresses. Pure functions, no I/O. Candidates are found generously
 * and kept only when they validate, so ordinary numbers (dates, amounts, post ids) stay.
 */

export type IdentifierKind = 'email' | 'iban' | 'phone' | 'bsn';

export interface IdentifierSpan {
  kind: IdentifierKind;
  start: number;
  end: number;
}

// Not after '@': "@anna@mastodon.social" is a Mastodon handle, left to the mention rule.
const EMAIL = /(?<![\w.%+@-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Country code, check digits, then groups of up to four characters, optionally space-separated.
const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/g;
// A Dutch number starts with +31, 0031 or a trunk 0 (possibly inside brackets).
const PHONE_START = /(?<![\w+])(?:\+31|0031|\(0|0)/g;
// Nine digits, optionally grouped as 1234.56.789 or 123 456 789; eight are padded with a leading 0.
const BSN = /(?<![\w-]|\d[.,])(?:\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3} \d{3} \d{3}|\d{8})(?![\w-]|[.,]\d)/g;
// dd-mm-yyyy looks like 0d-… and would otherwise pass as a phone number.
const DATE = /^\d{2}[-./]\d{1,2}[-./]\d{2,4}(?!\d)/;

/** The Dutch "elfproef": weights 9…2 and −1, sum divisible by 11 (and not all zeros). */
export function isValidBsn(digits: string): boolean {
  const d = digits.padStart(9, '0');
  if (!/^\d{9}$/.test(d) || /^0+$/.test(d)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(d[i]) * (9 - i);
  sum -= Number(d[8]);
  return sum % 11 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(input: string): boolean {
  const iban = input.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function emails(text: string): IdentifierSpan[] {
  return [...text.matchAll(EMAIL)].map((m) => ({
    kind: 'email' as const,
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** A candidate may run into following words ("NL91ABNA0417164300 voor"): try shorter ends too. */
function ibans(text: string): IdentifierSpan[] {
  const found: IdentifierSpan[] = [];
  for (const m of text.matchAll(IBAN)) {
    for (let end = m.index + m[0].length; end > m.index + 14; end--) {
      const candidate = text.slice(m.index, end);
      if (/[A-Za-z0-9]$/.test(candidate) && !/[A-Za-z0-9]/.test(text[end] ?? '') && isValidIban(candidate)) {
        found.push({ kind: 'iban', start: m.index, end });
        break;
      }
    }
  }
  return found;
}

/**
 * Scans digits after the prefix, allowing up to three separators (space, -, ., /, brackets) between
 * them: a Dutch number has nine digits after the prefix and the first is not 0. "(0)" after
 * +31 is the optional trunk prefix and skipped.
 */
function phones(text: string): IdentifierSpan[] {
  const found: IdentifierSpan[] = [];
  for (const m of text.matchAll(PHONE_START)) {
    let i = m.index + m[0].length;
    if (m[0] !== '0' && m[0] !== '(0') {
      const trunk = /^[ -]?\(0\)/.exec(text.slice(i));
      if (trunk) i += trunk[0].length;
    }
    let digits = 0;
    let end = i;
    let separators = 0;
    while (i < text.length && digits < 9) {
      const ch = text[i]!;
      if (ch >= '0' && ch <= '9') {
        if (digits === 0 && ch === '0') break;
        digits++;
        separators = 0;
        end = i + 1;
      } else if (' -./()'.includes(ch) && separators < 3) {
        separators++;
      } else break;
      i++;
    }
    if (DATE.test(text.slice(m.index, end))) continue;
    if (digits === 9 && !/\d/.test(text[end] ?? '')) found.push({ kind: 'phone', start: m.index, end });
  }
  return found;
}

function bsns(text: string): IdentifierSpan[] {
  return [...text.matchAll(BSN)]
    .filter((m) => isValidBsn(m[0].replace(/[. ]/g, '')))
    .map((m) => ({ kind: 'bsn' as const, start: m.index, end: m.index + m[0].length }));
}

/**
 * Every identifier in the text, in order, without overlaps. When candidates overlap, the kind
 * found first in the order e-mail, IBAN, phone, BSN wins (an IBAN holds BSN-like digit runs).
 */
export function detectIdentifiers(text: string): IdentifierSpan[] {
  const accepted: IdentifierSpan[] = [];
  for (const span of [...emails(text), ...ibans(text), ...phones(text), ...bsns(text)]) {
    if (!accepted.some((a) => span.start < a.end && a.start < span.end)) accepted.push(span);
  }
  return accepted.sort((a, b) => a.start - b.start);
}
