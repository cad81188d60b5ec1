import { ITEM_KINDS, ITEM_STATUSES, PLATFORMS, isOneOf } from '../domain/enums.js';
import type { FacetName, SearchRequest, SearchResult } from './search-index.js';

/** A request no engine should run: reported the same way by every implementation. */
export class SearchRequestError extends Error {
  override readonly name = 'SearchRequestError';
}

export const MAX_SEARCH_PAGE_SIZE = 100;
// A Record, so adding a FacetName to the contract fails to compile until it is listed here.
const FACET_NAMES: Record<FacetName, true> = {
  organisationId: true,
  platform: true,
  accountId: true,
  status: true,
  kind: true,
  year: true,
};
const FACETS = Object.keys(FACET_NAMES) as FacetName[];
const SORTS = ['relevance', 'newest', 'oldest'] as const;
const AUTHOR_KINDS = ['own', 'other'] as const;

function fail(message: string): never {
  throw new SearchRequestError(message);
}

function checkList(name: string, values: unknown, allowed?: readonly string[]): void {
  if (values === undefined) return;
  if (!Array.isArray(values)) fail(`${name} must be a list`);
  for (const v of values) {
    if (typeof v !== 'string') fail(`${name} must hold strings`);
    if (allowed && !isOneOf(allowed, v)) fail(`${name}: unknown value ${JSON.stringify(v)}`);
  }
}

function checkString(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') fail(`${name} must be a string`);
}

/**
 * Rejects a malformed request. Requests arrive typed, but the values come from clients (GraphQL
 * strings), so every enum value is checked here rather than trusted: an engine only ever sees known
 * platform/kind/status words and integral numbers.
 */
export function validateSearchRequest(request: SearchRequest): void {
  if (typeof request.text !== 'string') fail('text must be a string');
  if (!Array.isArray(request.organisationIds)) fail('organisationIds is required');
  checkList('organisationIds', request.organisationIds);
  if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_SEARCH_PAGE_SIZE) {
    fail(`limit must be an integer in 1..${MAX_SEARCH_PAGE_SIZE}`);
  }
  if (!Number.isSafeInteger(request.offset) || request.offset < 0)
    fail('offset must be a non-negative integer');
  if (request.sort !== undefined && !isOneOf(SORTS, request.sort)) fail('unknown sort');
  checkList('facets', request.facets, FACETS);
  const f = request.filter;
  if (f === undefined) return;
  checkList('platforms', f.platforms, PLATFORMS);
  checkList('kinds', f.kinds, ITEM_KINDS);
  checkList('statuses', f.statuses, ITEM_STATUSES);
  checkList('accountIds', f.accountIds);
  checkString('conversationId', f.conversationId);
  checkString('language', f.language);
  if (f.authorKind !== undefined && !isOneOf(AUTHOR_KINDS, f.authorKind))
    fail('authorKind must be own or other');
  if (f.hasMedia !== undefined && typeof f.hasMedia !== 'boolean') fail('hasMedia must be a boolean');
  if (f.from !== undefined && !Number.isSafeInteger(f.from)) fail('from must be an integer (epoch ms)');
  if (f.to !== undefined && !Number.isSafeInteger(f.to)) fail('to must be an integer (epoch ms)');
}

/** True when some list in the request is empty, which by the contract matches nothing. */
export function matchesNothing(request: SearchRequest): boolean {
  const f = request.filter ?? {};
  const lists = [request.organisationIds, f.platforms, f.accountIds, f.kinds, f.statuses];
  return lists.some((l) => l !== undefined && l.length === 0);
}

/** The empty answer, with an empty count table for each requested facet. */
export function emptyResult(request: SearchRequest): SearchResult {
  return { total: 0, hits: [], facets: Object.fromEntries((request.facets ?? []).map((f) => [f, {}])) };
}
