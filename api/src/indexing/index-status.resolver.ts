import { IndexSync, type SearchIndex } from '@bewaard/schema';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../context.js';
import { IndexStatusType } from './index-status.types.js';

/** Index lag: how far search trails the archive. Counts span all organisations, hence admin only. */
@Resolver()
export class IndexStatusResolver {
  constructor(
    private readonly access: AccessService,
    private readonly ds: DataSource,
    private readonly index: SearchIndex,
  ) {}

  @Query(() => IndexStatusType, { description: 'Admin only: search index lag and size' })
  async indexStatus(@Ctx() ctx: RequestContext): Promise<IndexStatusType> {
    this.access.requireAdmin(ctx.viewer);
    const lag = await new IndexSync(this.ds, this.index).lag();
    return { engine: this.index.name, pending: lag.pending, oldestPendingMs: lag.oldestPendingMs, indexedDocuments: await this.index.count() };
  }
}
