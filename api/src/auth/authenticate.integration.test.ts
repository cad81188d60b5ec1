import { AuthSessionEntity, RoleGrantEntity, UserEntity, sha256Hex, upsertUser } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, startTestApi, type TestApi } from '../test/harness.js';

const SEARCH = `query{ search(query:"dijkversterking"){ totalCount edges{ node{ organisation{ slug } } } } }`;
type SearchData = {
  search: { totalCount: number; edges: Array<{ node: { organisation: { slug: string } } }> };
};

// Every request reads the session, its user and the user's grants afresh (nothing is kept between
// requests), so a change to any of them holds from the very next request.
describeEachDatabase('authentication per request', (make) => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await make();
    api = await startTestApi(db.config);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const slugs = async (token: string) => {
    const r = await api.gql<SearchData>(SEARCH, {}, token);
    expect(r.errors).toBeUndefined();
    return [...new Set(r.data!.search.edges.map((e) => e.node.organisation.slug))].sort();
  };
  const userId = async (email: string) =>
    (await api.ds.getRepository(UserEntity).findOneByOrFail({ email })).id;

  it('applies a removed grant on the next request', async () => {
    const token = await api.login('gemengd@example.org');
    expect(await slugs(token)).toEqual(['org-a', 'org-b']);
    await api.ds
      .getRepository(RoleGrantEntity)
      .delete({ userId: await userId('gemengd@example.org'), organisationId: api.orgs.A });
    expect(await slugs(token)).toEqual(['org-b']);
  });

  it('refuses the token of a disabled account and an expired session on the next request', async () => {
    const woo = await api.login('woo@org-b.example.org');
    const admin = await api.login('admin@example.org');
    expect((await api.gql<{ me: { email: string } }>('{me{email}}', {}, woo)).data!.me.email).toBe(
      'woo@org-b.example.org',
    );
    await api.ds.getRepository(UserEntity).update({ email: 'woo@org-b.example.org' }, { disabled: true });
    expect((await api.gql('{me{email}}', {}, woo)).data).toEqual({ me: null });
    expect((await api.gql(SEARCH, {}, woo)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    expect(await slugs(admin)).toEqual(['org-a', 'org-b', 'org-c']);
    await api.ds
      .getRepository(AuthSessionEntity)
      .update({ tokenHash: sha256Hex(admin) }, { expiresAt: new Date(Date.now() - 1000) });
    expect((await api.gql(SEARCH, {}, admin)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('authenticates an account without grants, with nothing to read', async () => {
    await upsertUser(api.ds, {
      email: 'zonder@example.org',
      displayName: 'Zonder rollen',
      password: PASSWORD,
      grants: [],
    });
    const token = await api.login('zonder@example.org');
    expect((await api.gql<{ me: { email: string } }>('{me{email}}', {}, token)).data!.me.email).toBe(
      'zonder@example.org',
    );
    expect(await slugs(token)).toEqual([]);
  });
});
