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
import { pino } from 'pino';
import { createApiServer } from '../server.js';

export const PASSWORD = 'correct horse battery';

export interface GqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

function post(id: string, text: string, extra: Partial<NormalisedItem> = {}): NormalisedItem {
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

/**
 * A running API over a fresh database with three organisations (A, B, C), each holding a
 * post about "dijkversterking", a citizen's reply, and (in A) an edited post; users per role.
 */
export async function startTestApi(db: DatabaseConfig) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-api-'));
  const ds = await openDatabase(db);
  const searchIndex = createSearchIndex({ kind: 'embedded', file: path.join(dir, 'search.sqlite') });
  await searchIndex.init();
  const registry = new Registry(ds);
  const writer = new ArchiveWriter(ds, new FileMediaStore(path.join(dir, 'media')));
  const orgs: Record<'A' | 'B' | 'C', string> = { A: '', B: '', C: '' };
  const itemIds: Record<string, string> = {};
  for (const key of ['A', 'B', 'C'] as const) {
    const slug = `org-${key.toLowerCase()}`;
    orgs[key] = (await registry.ensureOrganisation(slug, `Ministerie ${key}`)).id;
    const at = new Date('2024-05-01T10:00:00Z');
    await writer.write(orgs[key], [
      { item: post(`${key}-1`, `Dijkversterking in regio ${key} begint`), capturedAt: at },
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
  await writer.write(orgs.A, [{ item: post('A-3', 'Eerste tekst over de polder'), capturedAt: new Date('2024-05-02T00:00:00Z') }]);
  await writer.write(orgs.A, [{ item: post('A-3', 'Verbeterde tekst over het gemaal'), capturedAt: new Date('2024-05-03T00:00:00Z') }]);
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

  const server = await createApiServer({ ds, searchIndex, sessionTtlHours: 1 }, pino({ level: 'silent' }));
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;

  async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  }

  async function login(email: string, password = PASSWORD): Promise<string> {
    const r = await gql<{ login: { token: string } }>('mutation($e:String!,$p:String!){login(email:$e,password:$p){token}}', { e: email, p: password });
    if (!r.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  }

  return {
    url,
    ds,
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
