import { detectIdentifiers, type IdentifierKind } from './identifiers.js';

/** What a masked identifier is replaced by: says what was there, not what it was. */
export const MASK_LABELS: Record<IdentifierKind, string> = {
  bsn: '[BSN]',
  iban: '[IBAN]',
  phone: '[telefoonnummer]',
  email: '[e-mailadres]',
};

// @handle, also Mastodon's @user@instance.social; not the middle of an e-mail address.
const MENTION =
  /(?<![\w@.])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/g;

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * The text with identifiers replaced by labels and @mentions passed through `pseudonymFor`
 * (which answers the replacement handle, or null to keep a mention, e.g. of our own accounts).
 */
export function maskText(text: string, pseudonymFor: (handle: string) => string | null): string {
  const replacements: Replacement[] = detectIdentifiers(text).map((s) => ({
    start: s.start,
    end: s.end,
    text: MASK_LABELS[s.kind],
  }));
  for (const m of text.matchAll(MENTION)) {
    const start = m.index;
    const end = start + m[0].length;
    if (replacements.some((r) => start < r.end && r.start < end)) continue;
    const pseudonym = pseudonymFor(m[1]!);
    if (pseudonym !== null) replacements.push({ start, end, text: `@${pseudonym}` });
  }
  replacements.sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const r of replacements) {
    out += text.slice(pos, r.start) + r.text;
    pos = r.end;
  }
  return out + text.slice(pos);
}

/** Same handle, same key: `@Burger_A` in a text and the author `burger_a` are one person. */
export function handleKey(platform: string, handle: string): string {
  return `${platform}:handle:${handle.replace(/^@/, '').toLowerCase()}`;
}

// Pseudonyms are written with a raw number between these two private-use characters while a
// response is built, and renumbered in order of appearance in the finished response
// (`numberInOrderOfAppearance`): resolvers run concurrently, so the order in which they meet
// citizens is not the order in which the client reads them.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/**
 * Per-request numbering of citizens: the first one in the response is "Burger 1", the next
 * "Burger 2", and the same person keeps their number throughout one response — but not across
 * responses, so answers cannot be joined on a pseudonym.
 */
export class CitizenPseudonyms {
  private readonly numbers = new Map<string, number>();

  get used(): boolean {
    return this.numbers.size > 0;
  }

  numberFor(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
    }
    return n;
  }

  static id(n: number): string {
    return `pseudonym-${OPEN}${n}${CLOSE}`;
  }

  static displayName(n: number): string {
    return `Burger ${OPEN}${n}${CLOSE}`;
  }

  static handle(n: number): string {
    return `burger_${OPEN}${n}${CLOSE}`;
  }
}

/** Replaces the raw pseudonym numbers in a response by 1, 2, … in order of first appearance (depth first, in field order). */
export function numberInOrderOfAppearance<T>(data: T): T {
  const final = new Map<string, number>();
  const renumber = (s: string) =>
    s.replace(PLACEHOLDER, (_m, raw: string) => {
      let n = final.get(raw);
      if (n === undefined) {
        n = final.size + 1;
        final.set(raw, n);
      }
      return String(n);
    });
  // Copy on write: only the arrays and objects on the way to a renumbered string are rebuilt, so
  // a large page with a few citizens in it is not copied as a whole on every masked response.
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes(OPEN) ? renumber(value) : value;
    if (Array.isArray(value)) {
      const items = value as unknown[];
      let copy: unknown[] | null = null;
      for (let i = 0; i < items.length; i++) {
        const next = walk(items[i]);
        if (next !== items[i]) (copy ??= [...items])[i] = next;
      }
      return copy ?? items;
    }
    // Only plain objects are rebuilt: scalars may serialise to other objects (DateTime gives a Date),
    // which copying would turn into {}.
    const proto: unknown = value && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
    if (proto === Object.prototype || proto === null) {
      const record = value as Record<string, unknown>;
      let copy: Record<string, unknown> | null = null;
      for (const key of Object.keys(record)) {
        const next = walk(record[key]);
        if (next !== record[key]) (copy ??= { ...record })[key] = next;
      }
      return copy ?? value;
    }
    return value;
  };
  return walk(data) as T;
}
