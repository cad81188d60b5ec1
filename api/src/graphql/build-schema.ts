import 'reflect-metadata';
import './enums.js';
import type { SearchIndex } from '@bewaard/schema';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type ContainerType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service.js';
import { AuthResolver } from '../auth/auth.resolver.js';
import { AuthService } from '../auth/auth.service.js';
import { SessionRepository } from '../auth/session.repository.js';
import { AccountResolver, ActorResolver, ItemResolver } from '../items/item.resolver.js';
import { ItemRepository } from '../items/item.repository.js';
import { ItemService } from '../items/item.service.js';
import { OrganisationResolver } from '../organisations/organisation.resolver.js';
import { SearchResolver } from '../search/search.resolver.js';
import { SearchService } from '../search/search.service.js';

export interface ApiDeps {
  ds: DataSource;
  searchIndex: SearchIndex;
  sessionTtlHours: number;
}

export const RESOLVERS = [AuthResolver, OrganisationResolver, SearchResolver, ItemResolver, AccountResolver, ActorResolver] as const;

/** Wires repositories → services → resolvers by hand: every dependency is visible here. */
export function createServices(deps: ApiDeps) {
  const sessions = new SessionRepository(deps.ds);
  const auth = new AuthService(sessions, deps.sessionTtlHours);
  const access = new AccessService(deps.ds);
  const itemRepository = new ItemRepository(deps.ds);
  const items = new ItemService(access, itemRepository);
  const search = new SearchService(access, deps.searchIndex, items);
  const resolvers = new Map<unknown, unknown>([
    [AuthResolver, new AuthResolver(auth, sessions)],
    [OrganisationResolver, new OrganisationResolver(access, deps.ds)],
    [SearchResolver, new SearchResolver(search)],
    [ItemResolver, new ItemResolver(items)],
    [AccountResolver, new AccountResolver()],
    [ActorResolver, new ActorResolver()],
  ]);
  const container: ContainerType = {
    get(cls: unknown) {
      const instance = resolvers.get(cls);
      if (!instance) throw new Error(`no instance registered for ${String(cls)}`);
      return instance;
    },
  };
  return { auth, access, itemRepository, search, container };
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
