import { AuthSessionEntity } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORD, startTestApi, type TestApi } from '../test/harness.js';

const CREATE = `mutation($l:String!,$d:Int){ createApiToken(label:$l, expiresInDays:$d){ token apiToken{ id label expiresAt lastUsedAt revokedAt } } }`;
type Created = {
  createApiToken: {
    token: string;
    apiToken: {
      id: string;
      label: string;
      expiresAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
  };
};

describeEachDatabase('personal API tokens and login limits', (make) => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await make();
    api = await startTestApi(db.config, { loginRateLimit: { maxFailures: 3, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('creates a token that works like its owner, stores only its SHA-256, lists and revokes it', async () => {
    const session = await api.login('woo@org-a.example.org');
    const created = await api.gql<Created>(CREATE, { l: 'Woo-export script', d: 30 }, session);
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(apiToken.label).toBe('Woo-export script');
    expect(new Date(apiToken.expiresAt).getTime() - Date.now()).toBeGreaterThan(29 * 86_400_000);
    const stored = await api.ds.getRepository(AuthSessionEntity).findBy({ kind: 'api_token' });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const search = await api.gql<{ search: { totalCount: number } }>(
      '{ search(query:"dijkversterking"){ totalCount } }',
      {},
      token,
    );
    expect(search.data!.search.totalCount).toBe(2);
    const listed = await api.gql<{ apiTokens: Array<{ id: string; lastUsedAt: string | null }> }>(
      '{ apiTokens{ id lastUsedAt } }',
      {},
      session,
    );
    expect(listed.data!.apiTokens).toEqual([{ id: apiToken.id, lastUsedAt: expect.any(String) as string }]);

    const revoked = await api.gql<{ revokeApiToken: { revokedAt: string | null } }>(
      'mutation($id:ID!){ revokeApiToken(id:$id){ revokedAt } }',
      { id: apiToken.id },
      session,
    );
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
    expect(
      (await api.gql('{ search(query:"dijk"){ totalCount } }', {}, token)).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it("refuses to mint a token with a token, bad labels and expiries, and someone else's token id", async () => {
    const session = await api.login('woo@org-b.example.org');
    const { token, apiToken } = (await api.gql<Created>(CREATE, { l: 'script' }, session)).data!
      .createApiToken;
    expect((await api.gql(CREATE, { l: 'from a token' }, token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await api.gql(CREATE, { l: ' ' }, session)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(CREATE, { l: 'x', d: 400 }, session)).errors?.[0]?.extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    const other = await api.login('woo@org-a.example.org');
    const foreign = await api.gql(
      'mutation($id:ID!){ revokeApiToken(id:$id){ id } }',
      { id: apiToken.id },
      other,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = (await api.gql<{ apiTokens: Array<{ id: string }> }>('{ apiTokens{ id } }', {}, other)).data!
      .apiTokens;
    expect(own.map((t) => t.id)).not.toContain(apiToken.id);
  });

  it('limits failed logins per client address, across accounts, without locking out other addresses', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const attempt = (email: string, password: string, ip: string) =>
      api.gql(
        'mutation($e:String!,$p:String!){ login(email:$e, password:$p){ token } }',
        { e: email, p: password },
        undefined,
        from(ip),
      );
    for (const email of ['a@nowhere.example', 'b@nowhere.example', 'c@nowhere.example']) {
      expect((await attempt(email, 'wrong password 123', '198.51.100.7')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(
      (await attempt('onderzoek@example.org', PASSWORD, '198.51.100.7')).errors?.[0]?.extensions?.code,
    ).toBe('TOO_MANY_REQUESTS');
    expect((await attempt('onderzoek@example.org', PASSWORD, '198.51.100.8')).errors).toBeUndefined();
  });
});
