import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  ArchiveWriter,
  FileMediaStore,
  IndexSync,
  ItemEntity,
  Registry,
  createSearchIndex,
  openDatabase,
  upsertUser,
  type DatabaseConfig,
  type NormalisedItem,
} from '@bewaard/schema';
import { pino, type Logger } from 'pino';
import type { LoginRateLimitOptions } from '../auth/login-rate-limit.js';
import { createApiServer } from '../server.js';

export const PASSWORD = 'correct horse battery';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export function post(id: string, text: string, extra: Partial<NormalisedItem> = {}): NormalisedItem {
  return {
    platform: 'x',
    platformItemId: id,
    kind: 'post',
    author: { platformActorId: 'acc-1', handle: 'ministerie', displayName: 'Ministerie' },
    createdAt: new Date('2024-05-01T09:00:00Z'),
    url: null,
    conversationPlatformId: id,
    inReplyToPlatformId: null,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: { text, title: null, language: 'nl', links: [], hashtags: [], mentions: [], media: [], warning: null },
    edit: null,
    raw: { format: 'test', body: '{}' },
    ...extra,
  };
}

/** The organisation's own account on X (declared as one of its accounts before anything is written). */
export function ownAuthor(key: 'A' | 'B' | 'C') {
  return { platformActorId: `acc-${key}`, handle: `ministerie_${key.toLowerCase()}`, displayName: `Ministerie ${key}` };
}

export interface TestApiOptions {
  loginRateLimit?: LoginRateLimitOptions;
  logger?: Logger;
}

/**
 * A running API over a fresh database with three organisations (A, B, C), each holding a
 * post about "dijkversterking" by its own account, a citizen's reply, and (in A) an edited post;
 * users per role.
 */
export async function startTestApi(db: DatabaseConfig, options: TestApiOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-api-'));
  const ds = await openDatabase(db);
  const searchIndex = createSearchIndex({ kind: 'embedded', file: path.join(dir, 'search.sqlite') });
  await searchIndex.init();
  const registry = new Registry(ds);
  const writer = new ArchiveWriter(ds, new FileMediaStore(path.join(dir, 'media')));
  const orgs: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const itemIds: Record<string, string> = {};
  // Accounts first: the writer caches which actors are ours.
  for (const key of ['A', 'B', 'C'] as const) {
    const slug = `org-${key.toLowerCase()}`;
    orgs[key] = (await registry.ensureOrganisation(slug, `Ministerie ${key}`)).id;
    const own = ownAuthor(key);
    await registry.declareAccount({ organisationSlug: slug, platform: 'x', platformAccountId: own.platformActorId, handle: own.handle, displayName: own.displayName, kind: 'organisation', keyOfficial: false });
  }
  for (const key of ['A', 'B', 'C'] as const) {
    const own = ownAuthor(key);
    const at = new Date('2024-05-01T10:00:00Z');
    await writer.write(orgs[key], [
      { item: post(`${key}-1`, `Dijkversterking in regio ${key} begint`, { author: own }), capturedAt: at },
      {
        item: post(`${key}-2`, `Wanneer komt de dijkversterking bij mij? Groet, burger ${key}`, {
          kind: 'reply',
          author: { platformActorId: `citizen-${key}`, handle: `burger${key}`, displayName: `Burger ${key}` },
          inReplyToPlatformId: `${key}-1`,
          conversationPlatformId: `${key}-1`,
        }),
        capturedAt: at,
      },
    ]);
  }
  await writer.write(orgs.A, [{ item: post('A-3', 'Eerste tekst over de polder', { author: ownAuthor('A') }), capturedAt: new Date('2024-05-02T00:00:00Z') }]);
  await writer.write(orgs.A, [{ item: post('A-3', 'Verbeterde tekst over het gemaal', { author: ownAuthor('A') }), capturedAt: new Date('2024-05-03T00:00:00Z') }]);
  await new IndexSync(ds, searchIndex).drainAll();
  for (const row of await ds.getRepository(ItemEntity).find({ select: { id: true, platformItemId: true } })) {
    itemIds[row.platformItemId] = row.id;
  }

  await upsertUser(ds, { email: 'admin@example.org', displayName: 'Admin', password: PASSWORD, grants: [{ role: 'admin' }] });
  await upsertUser(ds, { email: 'woo@org-a.example.org', displayName: 'Woo A', password: PASSWORD, grants: [{ role: 'woo_coordinator', organisation: 'org-a' }] });
  await upsertUser(ds, { email: 'woo@org-b.example.org', displayName: 'Woo B', password: PASSWORD, grants: [{ role: 'woo_coordinator', organisation: 'org-b' }] });
  await upsertUser(ds, {
    email: 'onderzoek@example.org',
    displayName: 'Onderzoeker',
    password: PASSWORD,
    grants: [
      { role: 'researcher', organisation: 'org-a' },
      { role: 'researcher', organisation: 'org-b' },
    ],
  });
  await upsertUser(ds, {
    email: 'gemengd@example.org',
    displayName: 'Onderzoeker A, Woo B',
    password: PASSWORD,
    grants: [
      { role: 'researcher', organisation: 'org-a' },
      { role: 'woo_coordinator', organisation: 'org-b' },
    ],
  });
  await upsertUser(ds, { email: 'audit@org-a.example.org', displayName: 'Auditor A', password: PASSWORD, grants: [{ role: 'auditor', organisation: 'org-a' }] });
  await upsertUser(ds, {
    email: 'alles@org-b.example.org',
    displayName: 'Alle rollen B',
    password: PASSWORD,
    grants: (['archivist', 'woo_coordinator', 'researcher', 'auditor'] as const).map((role) => ({ role, organisation: 'org-b' })),
  });

  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await createApiServer({ ds, searchIndex, sessionTtlHours: 1, loginRateLimit: options.loginRateLimit }, logger);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;

  async function gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GqlResult<T>> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  async function login(email: string, password = PASSWORD): Promise<string> {
    const r = await gql<{ login: { token: string } }>('mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', { e: email, p: password });
    if (!r.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  }

  /** Adds items to an organisation's archive and makes them searchable. */
  async function writeItems(org: 'A' | 'B' | 'C', items: NormalisedItem[], capturedAt = new Date('2024-06-01T00:00:00Z')): Promise<void> {
    await writer.write(orgs[org], items.map((item) => ({ item, capturedAt })));
    await new IndexSync(ds, searchIndex).drainAll();
    for (const row of await ds.getRepository(ItemEntity).find({ select: { id: true, platformItemId: true } })) {
      itemIds[row.platformItemId] = row.id;
    }
  }

  /** How many SQL statements `fn` sends to the database (TypeORM logs every one). */
  async function countQueries(fn: () => Promise<unknown>): Promise<{ count: number; queries: string[] }> {
    const queries: string[] = [];
    const original = ds.logger.logQuery.bind(ds.logger);
    ds.logger.logQuery = (query, parameters, runner) => {
      queries.push(query);
      original(query, parameters, runner);
    };
    try {
      await fn();
    } finally {
      ds.logger.logQuery = original;
    }
    return { count: queries.length, queries };
  }

  return {
    url,
    ds,
    schema: server.schema,
    writeItems,
    countQueries,
    orgs,
    itemIds,
    gql,
    login,
    async close() {
      await server.stop();
      await searchIndex.close();
      await ds.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;
