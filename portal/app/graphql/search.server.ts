import { gql, type ApiResult } from './client.server';
import type { AuthorKind, ItemKind, ItemStatus, Platform, SearchSort } from './enums';
import { ITEM_SUMMARY_FIELDS } from './fragments.server';
import type { Organisation, SearchResult } from './types';

export interface SearchFilterInput {
  organisationIds?: string[];
  platforms?: Platform[];
  kinds?: ItemKind[];
  statuses?: ItemStatus[];
  authorKind?: AuthorKind;
  from?: string;
  to?: string;
}

export interface SearchVariables {
  query: string;
  filter: SearchFilterInput;
  sort: SearchSort;
  first: number;
  after?: string;
}

const SEARCH = `
  query Search($query: String!, $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
    search(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      facets {
        platform { value count }
        status { value count }
        kind { value count }
        year { value count }
      }
      edges { cursor highlight matchedVersionNo node { ${ITEM_SUMMARY_FIELDS} } }
    }
  }
`;

export async function search(token: string, variables: SearchVariables): Promise<ApiResult<SearchResult>> {
  const result = await gql<{ search: SearchResult }>(SEARCH, { ...variables }, token);
  return result.ok ? { ok: true, data: result.data.search } : result;
}

const ORGANISATIONS = `query Organisations { organisations { id slug name } }`;

export async function organisations(token: string): Promise<ApiResult<Organisation[]>> {
  const result = await gql<{ organisations: Organisation[] }>(ORGANISATIONS, {}, token);
  return result.ok ? { ok: true, data: result.data.organisations } : result;
}
