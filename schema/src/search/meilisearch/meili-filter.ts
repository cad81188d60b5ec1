import type { FacetName, SearchRequest } from '../search-index.js';
import { matchesNothing, validateSearchRequest } from '../validate-request.js';
import { toHex } from './meili-document.js';

/** The Meilisearch attribute behind each facet (ids are stored hex-encoded, see meili-document.ts). */
export const FACET_ATTRIBUTES: Record<FacetName, string> = {
  organisationId: 'organisationKey',
  platform: 'platform',
  accountId: 'accountKey',
  status: 'status',
  kind: 'kind',
  year: 'year',
};

/** Facets whose values are hex-encoded ids and must be decoded for the caller. */
export const HEX_FACETS: ReadonlySet<FacetName> = new Set(['organisationId', 'accountId']);

/**
 * A Meilisearch filter string literal. Inside double quotes the filter parser knows two escapes,
 * `\"` and `\\` (since Meilisearch 1.4), so escaping both keeps any value inside its literal.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function list(values: readonly string[]): string {
  return `[${values.map(quoteFilterValue).join(', ')}]`;
}

/**
 * The filter expression for a request: always starts with the organisation condition, ANDed with
 * every other clause. Attribute names and operators are constants here; every value is validated (enums,
 * integers) or quoted. Returns null when the request can match nothing (an empty list).
 *
 * @throws SearchRequestError for an invalid request.
 */
export function buildMeiliFilter(request: SearchRequest): string | null {
  validateSearchRequest(request);
  if (matchesNothing(request)) return null;
  const clauses = [`organisationKey IN ${list(request.organisationIds.map(toHex))}`];
  const f = request.filter ?? {};
  if (f.platforms) clauses.push(`platform IN ${list(f.platforms)}`);
  if (f.accountIds) clauses.push(`accountKey IN ${list(f.accountIds.map(toHex))}`);
  if (f.kinds) clauses.push(`kind IN ${list(f.kinds)}`);
  if (f.statuses) clauses.push(`status IN ${list(f.statuses)}`);
  if (f.authorKind) clauses.push(`authorKind = ${quoteFilterValue(f.authorKind)}`);
  if (f.conversationId !== undefined)
    clauses.push(`conversationKey = ${quoteFilterValue(toHex(f.conversationId))}`);
  if (f.language !== undefined) clauses.push(`language = ${quoteFilterValue(f.language)}`);
  if (f.hasMedia !== undefined) clauses.push(`hasMedia = ${f.hasMedia ? 'true' : 'false'}`);
  if (f.from !== undefined) clauses.push(`createdAt >= ${f.from}`);
  if (f.to !== undefined) clauses.push(`createdAt < ${f.to}`);
  return clauses.join(' AND ');
}
