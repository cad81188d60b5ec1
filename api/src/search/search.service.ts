import type { FacetName, SearchIndex, SearchRequest, SearchResult } from '@bewaard/schema';
import type { AccessService } from '../access/access.service.js';
import { AuditAction, type AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../context.js';
import { AppError, ErrorCode, badInput } from '../errors/app-error.js';
import type { ItemService } from '../items/item.service.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { ItemEdge, type FacetValue, type ItemConnection, type SearchFilterInput } from './search.types.js';
import type { SearchSort } from '../graphql/enums.js';

export const MAX_PAGE_SIZE = 100;
const MAX_QUERY_LENGTH = 500;
const FACETS: FacetName[] = ['organisationId', 'platform', 'status', 'kind', 'year'];

export interface SearchArgs {
  query: string;
  filter?: SearchFilterInput | null;
  sort: SearchSort;
  first: number;
  after?: string | null;
}

/**
 * Federated search across the organisations a viewer may read. The organisation scope is decided
 * here from the viewer's grants (a client filter can only narrow it), passed to the engine as a
 * filter, and checked again when the hits are loaded from the database.
 */
export class SearchService {
  constructor(
    private readonly access: AccessService,
    private readonly index: SearchIndex,
    private readonly items: ItemService,
    private readonly audit: AuditService,
  ) {}

  /** Recorded in the audit trail (query, filters, the organisations searched) before results are returned. */
  async search(ctx: RequestContext, args: SearchArgs): Promise<ItemConnection> {
    const viewer = ctx.viewer;
    const readable = await this.access.readableOrganisationIds(viewer);
    if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
      throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    if (args.query.length > MAX_QUERY_LENGTH) throw badInput(`query longer than ${MAX_QUERY_LENGTH} characters`);
    const f = args.filter ?? {};
    const organisationIds = f.organisationIds ? readable.filter((id) => f.organisationIds!.includes(id)) : readable;
    const offset = decodeCursor(args.after);
    const request: SearchRequest = {
      text: args.query,
      organisationIds,
      filter: {
        platforms: f.platforms,
        accountIds: f.accountIds,
        kinds: f.kinds,
        statuses: f.statuses,
        authorKind: f.authorKind,
        hasMedia: f.hasMedia,
        from: f.from?.getTime(),
        to: f.to?.getTime(),
      },
      sort: args.sort,
      limit: args.first,
      offset,
      facets: FACETS,
    };
    let result: SearchResult;
    try {
      result = await this.index.search(request);
    } catch (err) {
      throw new AppError(ErrorCode.SEARCH_UNAVAILABLE, `Search is unavailable: ${(err as Error).message}`);
    }
    const { organisationIds: _narrowed, ...otherFilters } = f;
    await this.audit.record(ctx, {
      action: AuditAction.SEARCH,
      details: { query: args.query, filter: otherFilters, sort: args.sort, first: args.first, after: args.after ?? null, total: result.total },
      organisationIds,
    });
    const nodes = new Map((await this.items.getManyWithin(readable, result.hits.map((h) => h.id))).map((n) => [n.id, n]));
    const edges = result.hits.flatMap((hit, i) => {
      const node = nodes.get(hit.id);
      if (!node) return [];
      // An ItemEdge instance: type-graphql would otherwise copy each edge into one for the highlight resolver.
      return [Object.assign(new ItemEdge(), { cursor: encodeCursor(offset + i), node, highlight: hit.highlight, matchedVersionNo: hit.matchedVersionNo, query: args.query })];
    });
    return {
      totalCount: result.total,
      edges,
      pageInfo: {
        hasNextPage: offset + result.hits.length < result.total,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      facets: {
        organisation: facetValues(result, 'organisationId'),
        platform: facetValues(result, 'platform'),
        status: facetValues(result, 'status'),
        kind: facetValues(result, 'kind'),
        year: facetValues(result, 'year'),
      },
    };
  }
}

function facetValues(result: SearchResult, name: FacetName): FacetValue[] {
  return Object.entries(result.facets[name] ?? {})
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
