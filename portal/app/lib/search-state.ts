import {
  AUTHOR_KINDS,
  ITEM_KINDS,
  ITEM_STATUSES,
  PLATFORMS,
  type AuthorKind,
  type ItemKind,
  type ItemStatus,
  type Platform,
  type SearchSort,
} from '../graphql/enums';
import { amsterdamDayEnd, amsterdamDayStart, isIsoDate } from './amsterdam-time';

/** What a /zoeken URL asks for. The URL is the state, so every search (and page) is linkable. */
export interface SearchState {
  query: string;
  platforms: Platform[];
  statuses: ItemStatus[];
  kinds: ItemKind[];
  authorKind?: AuthorKind;
  /** YYYY-MM-DD, Dutch calendar days, both inclusive. */
  from?: string;
  to?: string;
  organisationId?: string;
  sort: SearchSort;
  after?: string;
  /** The `after` of each earlier page, oldest first; '' stands for the first page. */
  prev: string[];
}

/** URL spelling of the sort order, in Dutch like the route itself. */
export const SORT_PARAM: Record<SearchSort, string> = {
  RELEVANCE: 'relevantie',
  NEWEST: 'nieuwste',
  OLDEST: 'oudste',
};

export const PAGE_SIZE = 20;
const MAX_QUERY = 500;
const MAX_CURSOR = 1000;
/** Bounds the URL; paging further back than this returns to the first page. */
export const MAX_PREV = 50;
const PAGING_PARAMS = ['after', 'prev'] as const;

function enumValues<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const out: T[] = [];
  for (const raw of params.getAll(name)) {
    const upper = raw.trim().toUpperCase();
    const match = allowed.find((v) => v === upper);
    if (match && !out.includes(match)) out.push(match);
  }
  return out;
}

function cursor(value: string | null): string | undefined {
  return value && value.length <= MAX_CURSOR ? value : undefined;
}

export function parseSearchState(params: URLSearchParams): SearchState {
  const author = enumValues(params, 'author', AUTHOR_KINDS)[0];
  const from = params.get('from')?.trim();
  const to = params.get('to')?.trim();
  const sortParam = params.get('sort')?.trim().toLowerCase();
  const sort =
    (Object.keys(SORT_PARAM) as SearchSort[]).find((k) => SORT_PARAM[k] === sortParam) ?? 'RELEVANCE';
  const org = params.get('org')?.trim();
  return {
    query: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    platforms: enumValues(params, 'platform', PLATFORMS),
    statuses: enumValues(params, 'status', ITEM_STATUSES),
    kinds: enumValues(params, 'kind', ITEM_KINDS),
    authorKind: author,
    from: from && isIsoDate(from) ? from : undefined,
    to: to && isIsoDate(to) ? to : undefined,
    organisationId: org && org.length <= 100 ? org : undefined,
    sort,
    after: cursor(params.get('after')),
    prev: params
      .getAll('prev')
      .filter((c) => c.length <= MAX_CURSOR)
      .slice(-MAX_PREV),
  };
}

export function hasFilters(state: SearchState): boolean {
  return (
    state.platforms.length + state.statuses.length + state.kinds.length > 0 ||
    state.authorKind !== undefined ||
    state.from !== undefined ||
    state.to !== undefined ||
    state.organisationId !== undefined
  );
}

export interface SearchVariablesFromState {
  query: string;
  filter: {
    organisationIds?: string[];
    platforms?: Platform[];
    kinds?: ItemKind[];
    statuses?: ItemStatus[];
    authorKind?: AuthorKind;
    from?: string;
    to?: string;
  };
  sort: SearchSort;
  first: number;
  after?: string;
}

export function toSearchVariables(
  state: SearchState,
  pageSize: number = PAGE_SIZE,
): SearchVariablesFromState {
  const filter: SearchVariablesFromState['filter'] = {};
  if (state.organisationId) filter.organisationIds = [state.organisationId];
  if (state.platforms.length) filter.platforms = state.platforms;
  if (state.kinds.length) filter.kinds = state.kinds;
  if (state.statuses.length) filter.statuses = state.statuses;
  if (state.authorKind) filter.authorKind = state.authorKind;
  if (state.from) filter.from = amsterdamDayStart(state.from).toISOString();
  if (state.to) filter.to = amsterdamDayEnd(state.to).toISOString();
  const variables: SearchVariablesFromState = {
    query: state.query,
    filter,
    sort: state.sort,
    first: pageSize,
  };
  if (state.after) variables.after = state.after;
  return variables;
}

/** 1-based page number of the state. */
export function pageNumber(state: SearchState): number {
  return state.after === undefined ? 1 : state.prev.length + 1;
}

function withoutPaging(params: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of PAGING_PARAMS) next.delete(name);
  return next;
}

/** The query string of the page after this one; `endCursor` is the last edge's cursor. */
export function nextPageSearch(params: URLSearchParams, endCursor: string): string {
  const state = parseSearchState(params);
  const next = withoutPaging(params);
  const stack = [...(state.after === undefined ? [] : state.prev), state.after ?? ''].slice(-MAX_PREV);
  for (const c of stack) next.append('prev', c);
  next.set('after', endCursor);
  return next.toString();
}

/** The query string of the page before this one, or null on the first page. */
export function previousPageSearch(params: URLSearchParams): string | null {
  const state = parseSearchState(params);
  if (state.after === undefined) return null;
  const next = withoutPaging(params);
  const stack = state.prev.slice(0, -1);
  const target = state.prev.at(-1) ?? '';
  if (target !== '') {
    for (const c of stack) next.append('prev', c);
    next.set('after', target);
  }
  return next.toString();
}

export function firstPageSearch(params: URLSearchParams): string {
  return withoutPaging(params).toString();
}

/** Search that narrows the current one to one calendar year, from page 1. */
export function yearSearch(params: URLSearchParams, year: string): string {
  const next = withoutPaging(params);
  next.set('from', `${year}-01-01`);
  next.set('to', `${year}-12-31`);
  return next.toString();
}

/** Parameters a GET form sends even when unused; dropping them keeps shared links short. */
const DROP_WHEN_EMPTY = ['q', 'author', 'from', 'to', 'org'] as const;

/** The tidy spelling of a search URL, or null when it is tidy already. */
export function canonicalSearch(params: URLSearchParams): string | null {
  const next = new URLSearchParams();
  for (const [name, value] of params) {
    if ((DROP_WHEN_EMPTY as readonly string[]).includes(name) && value.trim() === '') continue;
    if (name === 'sort' && value === SORT_PARAM.RELEVANCE) continue;
    next.append(name, value);
  }
  const tidy = next.toString();
  return tidy === params.toString() ? null : tidy;
}
