import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { UserType } from '../auth/auth.types.js';
import type { RequestContext } from '../context.js';
import { Role } from '../graphql/enums.js';
import type { UserAdminService } from './user-admin.service.js';

/** Descriptions start with "Admin only": the authorisation test finds these operations by it. */
@Resolver()
export class UserAdminResolver {
  constructor(private readonly admin: UserAdminService) {}

  @Query(() => [UserType], {
    description: 'Admin only: every user with their grants, by e-mail (at most 1000)',
  })
  users(@Ctx() ctx: RequestContext): Promise<UserType[]> {
    return this.admin.list(ctx);
  }

  @Mutation(() => UserType, {
    description: 'Admin only: grants a role in an organisation (no organisation for ADMIN). Audited',
  })
  addGrant(
    @Ctx() ctx: RequestContext,
    @Arg('userId', () => ID) userId: string,
    @Arg('role', () => Role) role: Role,
    @Arg('organisationId', () => ID, { nullable: true }) organisationId: string | null,
  ): Promise<UserType> {
    return this.admin.addGrant(ctx, userId, role, organisationId ?? null);
  }

  @Mutation(() => UserType, { description: 'Admin only: removes a grant (not the last ADMIN). Audited' })
  removeGrant(@Ctx() ctx: RequestContext, @Arg('grantId', () => ID) grantId: string): Promise<UserType> {
    return this.admin.removeGrant(ctx, grantId);
  }
}
