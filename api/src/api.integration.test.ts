import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './test/harness.js';

const SEARCH = `query($q:String!,$f:SearchFilter,$first:Int,$after:String){
  search(query:$q, filter:$f, first:$first, after:$after){
    totalCount
    edges{ cursor highlight matchedVersionNo node{ id platformItemId status organisation{ slug } author{ handle } } }
    pageInfo{ hasNextPage endCursor }
    facets{ organisation{ value count } }
  }
}`;

type SearchData = {
  search: {
    totalCount: number;
    edges: Array<{ cursor: string; highlight: string | null; matchedVersionNo: number | null; node: { id: string; platformItemId: string; status: string; organisation: { slug: string } } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { organisation: Array<{ value: string; count: number }> };
  };
};

describeEachDatabase('GraphQL API', (make) => {
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

  it('refuses wrong credentials and an unauthenticated search', async () => {
    const wrong = await api.gql('mutation{login(email:"woo@org-a.example.org",password:"nope nope nope"){token}}');
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anon = await api.gql(SEARCH, { q: 'dijkversterking' });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anon.data?.search ?? null).toBeNull();
  });

  it("shows a Woo coordinator only their own organisation's items", async () => {
    const token = await api.login('woo@org-a.example.org');
    const r = await api.gql<SearchData>(SEARCH, { q: 'dijkversterking' }, token);
    expect(r.errors).toBeUndefined();
    const slugs = r.data!.search.edges.map((e) => e.node.organisation.slug);
    expect(slugs.length).toBe(2);
    expect(new Set(slugs)).toEqual(new Set(['org-a']));
    expect(r.data!.search.totalCount).toBe(2);
    expect(r.data!.search.facets.organisation).toEqual([{ value: api.orgs.A, count: 2 }]);
  });

  it('cannot widen the scope with a filter on a foreign organisation', async () => {
    const token = await api.login('woo@org-a.example.org');
    const r = await api.gql<SearchData>(SEARCH, { q: 'dijkversterking', f: { organisationIds: [api.orgs.C] } }, token);
    expect(r.data!.search.totalCount).toBe(0);
    expect(r.data!.search.edges).toEqual([]);
  });

  it('shows a researcher organisations A and B, never C', async () => {
    const token = await api.login('onderzoek@example.org');
    const r = await api.gql<SearchData>(SEARCH, { q: 'dijkversterking', first: 100 }, token);
    const slugs = new Set(r.data!.search.edges.map((e) => e.node.organisation.slug));
    expect(slugs).toEqual(new Set(['org-a', 'org-b']));
    expect(r.data!.search.totalCount).toBe(4);
  });

  it('answers NOT_FOUND for an item of another organisation, and shows its own with versions and thread', async () => {
    const token = await api.login('woo@org-a.example.org');
    const foreign = await api.gql(`query($id:ID!){item(id:$id){id text}}`, { id: api.itemIds['C-1'] }, token);
    expect(foreign.data?.item).toBeNull();
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const own = await api.gql<{ item: { status: string; text: string; versions: Array<{ versionNo: number; text: string }> } }>(
      `query($id:ID!){item(id:$id){status text versions{versionNo text}}}`,
      { id: api.itemIds['A-3'] },
      token,
    );
    expect(own.data!.item.status).toBe('EDITED');
    expect(own.data!.item.text).toBe('Verbeterde tekst over het gemaal');
    expect(own.data!.item.versions.map((v) => v.text)).toEqual(['Eerste tekst over de polder', 'Verbeterde tekst over het gemaal']);

    const thread = await api.gql<{ item: { replies: Array<{ platformItemId: string; inReplyTo: { platformItemId: string } }> } }>(
      `query($id:ID!){item(id:$id){replies{platformItemId inReplyTo{platformItemId}}}}`,
      { id: api.itemIds['A-1'] },
      token,
    );
    expect(thread.data!.item.replies).toEqual([{ platformItemId: 'A-2', inReplyTo: { platformItemId: 'A-1' } }]);
  });

  it('finds a word that exists only in an earlier version, saying which version matched', async () => {
    const token = await api.login('woo@org-a.example.org');
    const r = await api.gql<SearchData>(SEARCH, { q: 'polder' }, token);
    expect(r.data!.search.edges.map((e) => [e.node.platformItemId, e.matchedVersionNo])).toEqual([['A-3', 1]]);
  });

  it('pages with cursors without overlap', async () => {
    const token = await api.login('admin@example.org');
    const first = await api.gql<SearchData>(SEARCH, { q: 'dijkversterking', first: 4 }, token);
    expect(first.data!.search.totalCount).toBe(6);
    expect(first.data!.search.pageInfo.hasNextPage).toBe(true);
    const second = await api.gql<SearchData>(SEARCH, { q: 'dijkversterking', first: 4, after: first.data!.search.pageInfo.endCursor }, token);
    const ids = [...first.data!.search.edges, ...second.data!.search.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(6);
    expect(second.data!.search.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses oversized pages, bad cursors and too-deep queries with clear codes', async () => {
    const token = await api.login('admin@example.org');
    expect((await api.gql(SEARCH, { q: 'x', first: 1000 }, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(SEARCH, { q: 'x', after: 'bm9uc2Vuc2U' }, token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const deep = `query($id:ID!){item(id:$id){inReplyTo{inReplyTo{inReplyTo{inReplyTo{inReplyTo{inReplyTo{inReplyTo{inReplyTo{inReplyTo{inReplyTo{id}}}}}}}}}}}}`;
    const r = await api.gql(deep, { id: api.itemIds['A-1'] }, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/nested 12 levels deep; the maximum is 10/);
    expect(r.data).toBeUndefined();
  });

  it('shows administrators how far the search index trails the archive', async () => {
    const admin = await api.login('admin@example.org');
    const r = await api.gql<{ indexStatus: { engine: string; pending: number; indexedDocuments: number } }>(
      '{indexStatus{engine pending oldestPendingMs indexedDocuments}}',
      {},
      admin,
    );
    expect(r.data!.indexStatus).toMatchObject({ engine: 'sqlite-fts5', pending: 0, indexedDocuments: 7 });
    const woo = await api.login('woo@org-a.example.org');
    expect((await api.gql('{indexStatus{pending}}', {}, woo)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('revokes the token on logout', async () => {
    const token = await api.login('woo@org-b.example.org');
    expect((await api.gql<{ me: { email: string } }>('{me{email}}', {}, token)).data!.me.email).toBe('woo@org-b.example.org');
    expect((await api.gql('mutation{logout}', {}, token)).data).toEqual({ logout: true });
    expect((await api.gql('{me{email}}', {}, token)).data).toEqual({ me: null });
    expect((await api.gql(SEARCH, { q: 'dijk' }, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('locks an account after five failed logins', async () => {
    for (let i = 0; i < 5; i++) {
      await api.gql('mutation($p:String!){login(email:"admin@example.org",password:$p){token}}', { p: `wrong-${i}-password` });
    }
    const r = await api.gql('mutation($p:String!){login(email:"admin@example.org",password:$p){token}}', { p: 'correct horse battery' });
    expect(r.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
