import { OrganisationEntity } from '@bewaard/schema';
import { Ctx, Query, Resolver } from 'type-graphql';
import { In, type DataSource } from 'typeorm';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../context.js';
import { OrganisationType } from './organisation.types.js';

@Resolver(() => OrganisationType)
export class OrganisationResolver {
  constructor(
    private readonly access: AccessService,
    private readonly ds: DataSource,
  ) {}

  @Query(() => [OrganisationType], { description: 'The organisations the caller holds a role in (administrators: all)' })
  async organisations(@Ctx() ctx: RequestContext): Promise<OrganisationType[]> {
    const ids = await this.access.visibleOrganisationIds(ctx.viewer);
    if (ids.length === 0) return [];
    return this.ds.getRepository(OrganisationEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
  }
}
