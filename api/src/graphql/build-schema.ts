import 'reflect-metadata';
import './enums.js';
import type { SearchIndex } from '@bewaard/schema';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { AuditService } from '../audit/audit.service.js';
import { ApiTokenResolver } from '../auth/api-token.resolver.js';
import { ApiTokenService } from '../auth/api-token.service.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { AuthService } from '../auth/auth.service.js';
import type { LoginRateLimitOptions } from '../auth/login-rate-limit.js';
import { SessionRepository } from '../auth/session.repository.js';
import { AccountResolver, ActorResolver, ItemEdgeResolver, ItemResolver } from '../items/item.resolver.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemService } from '../items/item.service.js';
import { OrganisationResolver } from '../organisations/organisation.resolver.js';
import { MaskingService } from '../privacy/masking.service.js';
import { IndexStatusResolver } from '../indexing/index-status.resolver.js';
import { SearchResolver } from '../search/search.resolver.js';
import { SearchService } from '../search/search.service.js';
import { UserAdminResolver } from '../users/user-admin.resolver.js';
import { UserAdminService } from '../users/user-admin.service.js';
import { UserRepository } from '../users/user.repository.js';

export interface ApiDeps {
  ds: DataSource;
  searchIndex: SearchIndex;
  sessionTtlHours: number;
  /** Failed logins allowed per client address (default: 20 per 15 minutes). */
  loginRateLimit?: LoginRateLimitOptions;
  /**
   * Express's `trust proxy`: which hops may set X-Forwarded-For, for the client address in the
   * audit trail and the login limit. Default: loopback and private networks (a portal or reverse
   * proxy beside the API).
   */
  trustProxy?: boolean | string | number;
}

export const RESOLVERS = [
  AuthResolver,
  ApiTokenResolver,
  UserAdminResolver,
  OrganisationResolver,
  SearchResolver,
  ItemResolver,
  ItemEdgeResolver,
  AccountResolver,
  ActorResolver,
  AuditResolver,
  IndexStatusResolver,
] as const;

/** Wires repositories → services → resolvers by hand: every dependency is visible here. */
export function createServices(deps: ApiDeps) {
  const sessions = new SessionRepository(deps.ds);
  const auth = new AuthService(sessions, deps.sessionTtlHours, deps.loginRateLimit);
  const access = new AccessService(deps.ds);
  const audit = new AuditService(access, new AuditRepository(deps.ds), deps.ds);
  const itemRepository = new ItemRepository(deps.ds);
  const items = new ItemService(access, itemRepository, audit);
  const search = new SearchService(access, deps.searchIndex, items, audit);
  const masking = new MaskingService(access);
  const apiTokens = new ApiTokenService(auth, sessions, audit);
  const userAdmin = new UserAdminService(access, new UserRepository(deps.ds), audit);
  const resolvers = new Map<unknown, unknown>([
    [AuthResolver, new AuthResolver(auth, sessions)],
    [ApiTokenResolver, new ApiTokenResolver(apiTokens)],
    [UserAdminResolver, new UserAdminResolver(userAdmin)],
    [OrganisationResolver, new OrganisationResolver(access, deps.ds)],
    [SearchResolver, new SearchResolver(search)],
    [ItemResolver, new ItemResolver(items, masking)],
    [ItemEdgeResolver, new ItemEdgeResolver(masking)],
    [AccountResolver, new AccountResolver()],
    [ActorResolver, new ActorResolver()],
    [AuditResolver, new AuditResolver(audit)],
    [IndexStatusResolver, new IndexStatusResolver(access, deps.ds, deps.searchIndex)],
  ]);
  const container: ContainerType = {
    get(cls: unknown) {
      const instance = resolvers.get(cls);
      if (!instance) throw new Error(`no instance registered for ${String(cls)}`);
      return instance;
    },
  };
  return { auth, access, audit, itemRepository, search, container };
}

export function buildApiSchema(container: ContainerType, emitSchemaFile?: string): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    container,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: emitSchemaFile ? { path: emitSchemaFile, sortedSchema: true } : false,
  });
}
