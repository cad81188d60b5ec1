import { AuditEventEntity } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../test/harness.js';
import { AuditRepository } from './audit.repository.js';
import { verifyAuditChain } from '@bewaard/schema';

const EVENTS = `query($f:AuditEventFilter,$first:Int,$after:String){ auditEvents(filter:$f, first:$first, after:$after){
  nodes{ seq at action subject details ip userAgent requestId user{ email } organisations{ slug } prevHash hash }
  pageInfo{ hasNextPage endCursor } } }`;
const VERIFY = `{ auditChainVerification{ ok checked firstBrokenSeq reason lastSeq lastHash } }`;

type AuditNode = {
  seq: number;
  action: string;
  subject: string | null;
  details: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  user: { email: string } | null;
  organisations: Array<{ slug: string }>;
};
type EventsData = {
  auditEvents: { nodes: AuditNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
};

describeEachDatabase('audit trail', (make) => {
  let db: TestDatabase;
  let api: TestApi;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    db = await make();
    api = await startTestApi(db.config);
    for (const email of [
      'admin@example.org',
      'woo@org-a.example.org',
      'woo@org-b.example.org',
      'audit@org-a.example.org',
      'onderzoek@example.org',
    ]) {
      tokens[email] = await api.login(email);
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  const eventsAs = (email: string, vars: Record<string, unknown> = {}) =>
    api.gql<EventsData>(EVENTS, vars, tokens[email]);

  it('records a search with its query, filters, user, address, user agent and request id', async () => {
    const headers = {
      'x-request-id': 'req-audit-1',
      'user-agent': 'woo-script/1.0',
      'x-forwarded-for': '203.0.113.9',
    };
    await api.gql(
      'query{ search(query:"dijkversterking", filter:{platforms:[X]}){ totalCount } }',
      {},
      tokens['woo@org-a.example.org'],
      headers,
    );
    const r = await eventsAs('audit@org-a.example.org', { f: { action: 'search' } });
    expect(r.errors).toBeUndefined();
    const e = r.data!.auditEvents.nodes.find((n) => n.requestId === 'req-audit-1')!;
    expect(e).toMatchObject({
      action: 'search',
      ip: '203.0.113.9',
      userAgent: 'woo-script/1.0',
      user: { email: 'woo@org-a.example.org' },
      organisations: [{ slug: 'org-a' }],
    });
    expect(JSON.parse(e.details)).toMatchObject({
      query: 'dijkversterking',
      filter: { platforms: ['x'] },
      total: 2,
    });
  });

  it('records an item view, and shows auditors only events of their own organisations', async () => {
    await api.gql(
      'query($id:ID!){ item(id:$id){ id } }',
      { id: api.itemIds['A-1'] },
      tokens['woo@org-a.example.org'],
    );
    await api.gql(
      'query($id:ID!){ item(id:$id){ id } }',
      { id: api.itemIds['B-1'] },
      tokens['woo@org-b.example.org'],
    );
    await api.gql('query{ search(query:"dijk"){ totalCount } }', {}, tokens['onderzoek@example.org']);
    const forA = (await eventsAs('audit@org-a.example.org')).data!.auditEvents.nodes;
    expect(forA.filter((n) => n.action === 'item.view').map((n) => n.subject)).toEqual([api.itemIds['A-1']]);
    expect(forA.every((n) => n.organisations.every((o) => o.slug === 'org-a'))).toBe(true);
    // The researcher's search spanned A and B: A's auditor sees it, naming only A.
    expect(forA.find((n) => n.user?.email === 'onderzoek@example.org')?.organisations).toEqual([
      { slug: 'org-a' },
    ]);
    const all = (await eventsAs('admin@example.org')).data!.auditEvents.nodes;
    expect(all.filter((n) => n.action === 'item.view').map((n) => n.subject)).toEqual([
      api.itemIds['B-1'],
      api.itemIds['A-1'],
    ]);
  });

  it('refuses the trail to anyone who is not an auditor or administrator', async () => {
    for (const email of ['woo@org-a.example.org', 'onderzoek@example.org']) {
      expect((await eventsAs(email)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await api.gql(VERIFY, {}, tokens[email])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.gql(EVENTS)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('records grant changes with the change, for the organisation concerned', async () => {
    const users = await api.gql<{ users: Array<{ id: string; email: string }> }>(
      '{ users{ id email } }',
      {},
      tokens['admin@example.org'],
    );
    const woo = users.data!.users.find((u) => u.email === 'woo@org-b.example.org')!;
    const added = await api.gql<{
      addGrant: { grants: Array<{ id: string; role: string; organisation: { slug: string } | null }> };
    }>(
      'mutation($u:ID!,$o:ID){ addGrant(userId:$u, role:RESEARCHER, organisationId:$o){ grants{ id role organisation{ slug } } } }',
      { u: woo.id, o: api.orgs.A },
      tokens['admin@example.org'],
    );
    const grant = added.data!.addGrant.grants.find((g) => g.role === 'RESEARCHER')!;
    expect(grant.organisation).toEqual({ slug: 'org-a' });
    await api.gql(
      'mutation($g:ID!){ removeGrant(grantId:$g){ id } }',
      { g: grant.id },
      tokens['admin@example.org'],
    );
    const forA = (await eventsAs('audit@org-a.example.org', { f: { userId: await adminId() } })).data!
      .auditEvents.nodes;
    expect(forA.map((n) => n.action)).toEqual(['grant.remove', 'grant.add']);
    expect(forA.every((n) => n.subject === woo.id)).toBe(true);
    expect(JSON.parse(forA[1]!.details)).toEqual({ organisationId: api.orgs.A, role: 'researcher' });
  });

  async function adminId(): Promise<string> {
    return (await api.gql<{ me: { id: string } }>('{ me{ id } }', {}, tokens['admin@example.org'])).data!.me
      .id;
  }

  it('pages newest first with a cursor', async () => {
    const first = await eventsAs('admin@example.org', { first: 2 });
    const second = await eventsAs('admin@example.org', {
      first: 2,
      after: first.data!.auditEvents.pageInfo.endCursor,
    });
    const seqs = [...first.data!.auditEvents.nodes, ...second.data!.auditEvents.nodes].map((n) => n.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(4);
    expect(first.data!.auditEvents.pageInfo.hasNextPage).toBe(true);
  });

  it('keeps the chain linear under concurrent requests and concurrent writers in other connections', async () => {
    const token = tokens['woo@org-a.example.org'];
    await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        api.gql(`query{ search(query:"regio ${i}"){ totalCount } }`, {}, token),
      ),
    );
    const other = await db.open();
    try {
      const elsewhere = new AuditRepository(other);
      const event = {
        at: new Date(),
        userId: null,
        action: 'search',
        subject: null,
        details: '{}',
        ip: null,
        userAgent: null,
        requestId: 'other-process',
        organisationIds: [],
      };
      await Promise.all([
        ...Array.from({ length: 10 }, () => elsewhere.append(event)),
        ...Array.from({ length: 10 }, (_, i) =>
          api.gql(`query{ search(query:"gemaal ${i}"){ totalCount } }`, {}, token),
        ),
      ]);
    } finally {
      await other.destroy();
    }
    const report = await verifyAuditChain(api.ds);
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null });
    const count = await api.ds.getRepository(AuditEventEntity).count();
    expect(report.checked).toBe(count);
    expect(report.lastSeq).toBe(count);
  });

  it('refuses a second event on the same link at the database (fork)', async () => {
    const head = (await api.ds.getRepository(AuditEventEntity).find({ order: { seq: 'DESC' }, take: 1 }))[0]!;
    const fork = { ...head, seq: head.seq + 1000 };
    await expect(api.ds.getRepository(AuditEventEntity).insert(fork)).rejects.toThrow();
  });

  it('detects an altered event and a deleted event, also through the API', async () => {
    expect((await api.gql(VERIFY, {}, tokens['audit@org-a.example.org'])).data).toMatchObject({
      auditChainVerification: { ok: true, firstBrokenSeq: null },
    });
    const repo = api.ds.getRepository(AuditEventEntity);
    const victim = (await repo.findOneBy({ seq: 3 }))!;
    await repo.update({ seq: 3 }, { details: '{"query":"iets onschuldigs"}' });
    expect(await verifyAuditChain(api.ds)).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'hash-mismatch',
      checked: 2,
    });
    const viaApi = await api.gql<{ auditChainVerification: { ok: boolean; firstBrokenSeq: number } }>(
      VERIFY,
      {},
      tokens['admin@example.org'],
    );
    expect(viaApi.data!.auditChainVerification).toMatchObject({ ok: false, firstBrokenSeq: 3 });

    await repo.update({ seq: 3 }, { details: victim.details });
    expect((await verifyAuditChain(api.ds, { pageSize: 4 })).ok).toBe(true);
    await repo.delete({ seq: 5 });
    expect(await verifyAuditChain(api.ds, { pageSize: 4 })).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      reason: 'missing',
      checked: 4,
    });
  });
});
