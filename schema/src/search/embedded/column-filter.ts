import type { FacetName, SearchRequest, SearchResult } from '../search-index.js';
import type { CodedField, Dictionaries } from './dictionary.js';
import { NO_VALUE } from './dictionary.js';
import { HAS_MEDIA, PRESENT, type DocColumns } from './doc-columns.js';

/**
 * A request's organisation scope and filters turned into per-code masks over the in-memory columns.
 * A value the index has never seen has no code, so its mask stays empty and it matches nothing —
 * filter values are only ever compared, never interpreted.
 */
export interface ColumnFilter {
  org: Uint8Array;
  platform: Uint8Array | null;
  kind: Uint8Array | null;
  status: Uint8Array | null;
  account: Uint8Array | null;
  language: number | null;
  /** `own`: an account authored it; `other`: a citizen. */
  own: boolean | null;
  hasMedia: boolean | null;
  from: number;
  to: number;
}

function mask(dictionaries: Dictionaries, field: CodedField, values: readonly string[]): Uint8Array {
  const bits = new Uint8Array(dictionaries.size(field));
  for (const v of values) {
    const code = dictionaries.lookup(field, v);
    if (code !== undefined) bits[code] = 1;
  }
  return bits;
}

export function compileFilter(request: SearchRequest, dictionaries: Dictionaries): ColumnFilter {
  const f = request.filter ?? {};
  const list = (field: CodedField, values: readonly string[] | undefined) =>
    values === undefined ? null : mask(dictionaries, field, values);
  return {
    org: mask(dictionaries, 'org', request.organisationIds),
    platform: list('platform', f.platforms),
    kind: list('kind', f.kinds),
    status: list('status', f.statuses),
    account: list('account', f.accountIds),
    language: f.language === undefined ? null : (dictionaries.lookup('language', f.language) ?? -1),
    own: f.authorKind === undefined ? null : f.authorKind === 'own',
    hasMedia: f.hasMedia ?? null,
    from: f.from ?? -Infinity,
    to: f.to ?? Infinity,
  };
}

export interface ScanResult {
  /** How many documents matched and passed the filter. */
  total: number;
  /** Those documents' rids, ascending (null once a cache has let go of them). */
  rids: Uint32Array | null;
  facets: SearchResult['facets'];
  /** The first hits per order, kept while the scan is cached (see the index's search). */
  ordered: Map<string, number[]>;
}

const YEARS = 4096;

/**
 * Keeps the candidates (all documents when null) that pass the filter, counting the requested facets
 * on the way: one pass, so totals and facet counts come from the same set by construction. Written
 * out per column (no loop over facets) so each array access stays monomorphic: at a million
 * documents this loop is the cost of an empty query.
 */
export function scan(
  c: DocColumns,
  dictionaries: Dictionaries,
  candidates: Uint32Array | null,
  f: ColumnFilter,
  facetNames: readonly FacetName[],
): ScanResult {
  const wanted = new Set(facetNames);
  const counter = (name: FacetName, size: number) => (wanted.has(name) ? new Uint32Array(size) : null);
  const byOrg = counter('organisationId', dictionaries.size('org'));
  const byPlatform = counter('platform', dictionaries.size('platform'));
  const byAccount = counter('accountId', dictionaries.size('account'));
  const byStatus = counter('status', dictionaries.size('status'));
  const byKind = counter('kind', dictionaries.size('kind'));
  const byYear = counter('year', YEARS);
  const { org, platform, kind, status, account, language, year, flags, createdAt, maxRid } = c;
  const all = candidates === null;
  const n = all ? maxRid : candidates.length;
  const out = new Uint32Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const rid = all ? i + 1 : candidates[i]!;
    if (rid > maxRid) continue;
    const bits = flags[rid]!;
    if ((bits & PRESENT) === 0 || f.org[org[rid]!] !== 1) continue;
    if (f.platform !== null && f.platform[platform[rid]!] !== 1) continue;
    if (f.kind !== null && f.kind[kind[rid]!] !== 1) continue;
    if (f.status !== null && f.status[status[rid]!] !== 1) continue;
    if (f.account !== null && f.account[account[rid]!] !== 1) continue;
    if (f.own !== null && (account[rid] !== NO_VALUE) !== f.own) continue;
    if (f.language !== null && language[rid] !== f.language) continue;
    if (f.hasMedia !== null && ((bits & HAS_MEDIA) !== 0) !== f.hasMedia) continue;
    const at = createdAt[rid]!;
    if (at < f.from || at >= f.to) continue;
    out[kept++] = rid;
    if (byOrg !== null) byOrg[org[rid]!]!++;
    if (byPlatform !== null) byPlatform[platform[rid]!]!++;
    if (byAccount !== null) byAccount[account[rid]!]!++;
    if (byStatus !== null) byStatus[status[rid]!]!++;
    if (byKind !== null) byKind[kind[rid]!]!++;
    if (byYear !== null) byYear[year[rid]!]!++;
  }
  const facets: SearchResult['facets'] = {};
  const table = (counts: Uint32Array | null, decode: (code: number) => string | null) => {
    if (counts === null) return undefined;
    const values: Record<string, number> = {};
    counts.forEach((count, code) => {
      const value = count === 0 ? null : decode(code);
      if (value !== null) values[value] = count;
    });
    return values;
  };
  const decoder = (field: CodedField) => (code: number) => dictionaries.decode(field, code);
  const tables: Record<FacetName, Record<string, number> | undefined> = {
    organisationId: table(byOrg, decoder('org')),
    platform: table(byPlatform, decoder('platform')),
    accountId: table(byAccount, decoder('account')),
    status: table(byStatus, decoder('status')),
    kind: table(byKind, decoder('kind')),
    year: table(byYear, String),
  };
  for (const name of wanted) facets[name] = tables[name];
  // A cached scan keeps its rids: copy them out of the larger buffer when most were filtered away.
  const rids = kept < n / 2 ? out.slice(0, kept) : out.subarray(0, kept);
  return { total: kept, rids, facets, ordered: new Map() };
}
