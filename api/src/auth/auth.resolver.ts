import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { unauthenticated } from '../errors/app-error.js';
import type { AuthService } from './auth.service.js';
import type { SessionRepository } from './session.repository.js';
import { LoginPayload, UserType } from './auth.types.js';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionRepository,
  ) {}

  @Query(() => UserType, { nullable: true, description: 'The logged-in user; null when not logged in' })
  async me(@Ctx() ctx: RequestContext): Promise<UserType | null> {
    if (!ctx.viewer) return null;
    const user = await this.sessions.findUserById(ctx.viewer.userId);
    if (!user) return null;
    return this.toUserType(ctx, user.id, user.email, user.displayName);
  }

  @Mutation(() => LoginPayload, { description: 'Wrong credentials: UNAUTHENTICATED; account locked or too many failures from this address: TOO_MANY_REQUESTS' })
  async login(
    @Arg('email', () => String) email: string,
    @Arg('password', () => String) password: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LoginPayload> {
    const result = await this.auth.login(email, password, ctx.client.ip);
    return {
      token: result.token,
      expiresAt: result.expiresAt,
      user: await this.toUserType(ctx, result.user.id, result.user.email, result.user.displayName),
    };
  }

  @Mutation(() => Boolean, { description: 'Revokes the token used for this request' })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    if (!ctx.viewer) throw unauthenticated();
    await this.auth.logout(ctx.viewer);
    return true;
  }

  private async toUserType(ctx: RequestContext, id: string, email: string, displayName: string): Promise<UserType> {
    const grants = await this.sessions.grantsOf(id);
    return {
      id,
      email,
      displayName,
      grants: await Promise.all(
        grants.map(async (g) => ({ id: g.id, role: g.role, organisation: g.organisationId ? await ctx.loaders.organisation.load(g.organisationId) : null })),
      ),
    };
  }
}
