import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../search-index.js';
import { SearchRequestError } from '../validate-request.js';
import { toHex } from './meili-document.js';
import { buildMeiliFilter, quoteFilterValue } from './meili-filter.js';

const base: SearchRequest = { text: '', organisationIds: ['org-a'], limit: 20, offset: 0 };
const ATTRIBUTES = new Set([
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
]);

type Clause = { attribute: string; operator: string; values: (string | number | boolean)[] };

/**
 * A strict reader of the filter grammar the builder is allowed to produce:
 * `attr OP value (AND attr OP value)*`, with OP one of = >= < IN and IN taking a [list] of strings.
 * Anything a value could smuggle in (an OR, a parenthesis, a second clause) makes it throw.
 */
function parseFilter(filter: string): Clause[] {
  const tokens: (string | { s: string })[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (c === ' ') i++;
    else if (c === '"') {
      let s = '';
      for (i++; filter[i] !== '"'; i++) {
        if (i >= filter.length) throw new Error('unterminated string');
        if (filter[i] === '\\') i++;
        s += filter[i];
      }
      i++;
      tokens.push({ s });
    } else {
      const m = /^(\[|\]|,|>=|<|=|[A-Za-z]+|-?\d+)/.exec(filter.slice(i));
      if (!m) throw new Error(`unexpected ${filter.slice(i)}`);
      tokens.push(m[0]);
      i += m[0].length;
    }
  }
  const clauses: Clause[] = [];
  let k = 0;
  const next = (): string | { s: string } => {
    const t = tokens[k++];
    if (t === undefined) throw new Error('unexpected end');
    return t;
  };
  for (;;) {
    const attribute = next();
    if (typeof attribute !== 'string' || !ATTRIBUTES.has(attribute))
      throw new Error(`bad attribute ${JSON.stringify(attribute)}`);
    const operator = next();
    const values: Clause['values'] = [];
    if (operator === 'IN') {
      if (next() !== '[') throw new Error('IN without [');
      for (;;) {
        const v = next();
        if (typeof v === 'string') throw new Error(`bare token in list: ${v}`);
        values.push(v.s);
        const sep = next();
        if (sep === ']') break;
        if (sep !== ',') throw new Error('bad list separator');
      }
    } else if (operator === '=' || operator === '>=' || operator === '<') {
      const v = next();
      if (typeof v === 'string') {
        if (v === 'true' || v === 'false') values.push(v === 'true');
        else if (/^-?\d+$/.test(v)) values.push(Number(v));
        else throw new Error(`bare value ${v}`);
      } else values.push(v.s);
    } else throw new Error(`bad operator ${JSON.stringify(operator)}`);
    clauses.push({ attribute, operator, values });
    if (k === tokens.length) return clauses;
    if (next() !== 'AND') throw new Error('clauses must be joined by AND');
  }
}

describe('quoteFilterValue', () => {
  it('escapes double quotes and backslashes', () => {
    expect(quoteFilterValue('plain')).toBe('"plain"');
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue('a\\b')).toBe('"a\\\\b"');
    expect(quoteFilterValue('\\"')).toBe('"\\\\\\""');
  });
});

describe('buildMeiliFilter', () => {
  it('always starts with the organisation condition', () => {
    expect(buildMeiliFilter(base)).toBe(`organisationKey IN ["${toHex('org-a')}"]`);
    const many = buildMeiliFilter({
      ...base,
      organisationIds: ['org-a', 'org-b'],
      filter: { platforms: ['x'] },
    });
    expect(many).toBe(`organisationKey IN ["${toHex('org-a')}", "${toHex('org-b')}"] AND platform IN ["x"]`);
  });

  it('returns null (match nothing) for an empty organisation list or an empty filter list', () => {
    expect(buildMeiliFilter({ ...base, organisationIds: [] })).toBeNull();
    expect(buildMeiliFilter({ ...base, filter: { statuses: [] } })).toBeNull();
  });

  it('writes every filter as an ANDed clause', () => {
    const filter = buildMeiliFilter({
      ...base,
      filter: {
        platforms: ['x', 'facebook'],
        accountIds: ['acc-1'],
        kinds: ['post'],
        statuses: ['deleted'],
        authorKind: 'own',
        conversationId: 'c-1',
        language: 'nl',
        hasMedia: false,
        from: 1_600_000_000_000,
        to: 1_700_000_000_000,
      },
    })!;
    expect(parseFilter(filter)).toEqual([
      { attribute: 'organisationKey', operator: 'IN', values: [toHex('org-a')] },
      { attribute: 'platform', operator: 'IN', values: ['x', 'facebook'] },
      { attribute: 'accountKey', operator: 'IN', values: [toHex('acc-1')] },
      { attribute: 'kind', operator: 'IN', values: ['post'] },
      { attribute: 'status', operator: 'IN', values: ['deleted'] },
      { attribute: 'authorKind', operator: '=', values: ['own'] },
      { attribute: 'conversationKey', operator: '=', values: [toHex('c-1')] },
      { attribute: 'language', operator: '=', values: ['nl'] },
      { attribute: 'hasMedia', operator: '=', values: [false] },
      { attribute: 'createdAt', operator: '>=', values: [1_600_000_000_000] },
      { attribute: 'createdAt', operator: '<', values: [1_700_000_000_000] },
    ]);
  });

  it('keeps injection attempts inside their string literal', () => {
    const attacks = [
      'x" OR organisationKey = "b',
      'nl\\" OR platform = "x',
      'nl\\',
      '"',
      '\\"\\"',
      ') OR (organisationKey EXISTS',
      'nl" AND NOT language = "',
      'line\nbreak',
    ];
    for (const value of attacks) {
      const clauses = parseFilter(buildMeiliFilter({ ...base, filter: { language: value } })!);
      expect(clauses).toHaveLength(2);
      expect(clauses[1]).toEqual({ attribute: 'language', operator: '=', values: [value] });
      const orgs = parseFilter(buildMeiliFilter({ ...base, organisationIds: [value] })!);
      expect(orgs).toEqual([{ attribute: 'organisationKey', operator: 'IN', values: [toHex(value)] }]);
    }
  });

  it('rejects enum values it does not know instead of quoting them', () => {
    const bad: Partial<SearchRequest>[] = [
      { filter: { platforms: ['x" OR platform = "facebook' as never] } },
      { filter: { statuses: ['LIVE' as never] } },
      { filter: { kinds: ['post', 'reel' as never] } },
      { filter: { authorKind: 'both' as never } },
      { filter: { from: 1.5 } },
      { filter: { to: Number.POSITIVE_INFINITY } },
      { limit: 1000 },
    ];
    for (const partial of bad)
      expect(() => buildMeiliFilter({ ...base, ...partial })).toThrow(SearchRequestError);
  });
});
