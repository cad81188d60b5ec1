import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import type { ApiTokenService } from './api-token.service.js';
import { ApiTokenType, CreatedApiTokenType } from './api-token.types.js';

@Resolver()
export class ApiTokenResolver {
  constructor(private readonly tokens: ApiTokenService) {}

  @Query(() => [ApiTokenType], { description: "The caller's own personal API tokens, newest first" })
  apiTokens(@Ctx() ctx: RequestContext): Promise<ApiTokenType[]> {
    return this.tokens.list(ctx.viewer);
  }

  @Mutation(() => CreatedApiTokenType, {
    description:
      'A personal API token for scripts, with the rights of its owner. Only from a login session. Audited',
  })
  createApiToken(
    @Ctx() ctx: RequestContext,
    @Arg('label', () => String) label: string,
    @Arg('expiresInDays', () => Int, { defaultValue: 90 }) expiresInDays: number,
  ): Promise<CreatedApiTokenType> {
    return this.tokens.create(ctx, label, expiresInDays);
  }

  @Mutation(() => ApiTokenType, {
    description: "Revokes one of the caller's own API tokens (NOT_FOUND for any other). Audited",
  })
  revokeApiToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<ApiTokenType> {
    return this.tokens.revoke(ctx, id);
  }
}
