import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { SearchSort } from '../graphql/enums.js';
import type { SearchService } from './search.service.js';
import { ItemConnection, SearchFilterInput } from './search.types.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly searchService: SearchService) {}

  @Query(() => ItemConnection, { description: 'Full-text search over every organisation the caller may read. Audited' })
  search(
    @Ctx() ctx: RequestContext,
    @Arg('query', () => String, { defaultValue: '' }) query: string,
    @Arg('filter', () => SearchFilterInput, { nullable: true }) filter: SearchFilterInput | null,
    @Arg('sort', () => SearchSort, { defaultValue: SearchSort.RELEVANCE }) sort: SearchSort,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<ItemConnection> {
    return this.searchService.search(ctx, { query, filter, sort, first, after });
  }
}
