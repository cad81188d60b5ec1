import { Writable } from 'node:stream';
import { AuditEventEntity } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './test/harness.js';

describeEachDatabase('limits and request logging', (make) => {
  let db: TestDatabase;
  let api: TestApi;
  const lines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    db = await make();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    api = await startTestApi(db.config, { logger: pino({ level: 'debug' }, sink) });
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('refuses a too costly query before running it (nothing is audited)', async () => {
    const token = await api.login('admin@example.org');
    const before = await api.ds.getRepository(AuditEventEntity).count();
    const tree =
      '{ search(query:"dijk", first:100){ edges{ node{ replies{ replies{ replies{ id text } } } } } } }';
    const r = await api.gql(tree, {}, token);
    expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(r.errors?.[0]?.message).toMatch(/maximum is 25000/);
    expect(r.data ?? undefined).toBeUndefined();
    expect(await api.ds.getRepository(AuditEventEntity).count()).toBe(before);
  });

  it('tags every log line of a request with its request id, and echoes the id', async () => {
    const token = await api.login('woo@org-a.example.org');
    lines.length = 0;
    const res = await fetch(api.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'trace-42',
      },
      body: JSON.stringify({ query: '{ search(query:"dijk"){ totalCount } }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    await res.json();
    await new Promise((r) => setTimeout(r, 50));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => l.requestId === 'trace-42')).toBe(true);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['graphql request', 'request finished']));
  });

  it('marks every GraphQL response, answer or error, as not to be stored by caches', async () => {
    const token = await api.login('woo@org-a.example.org');
    const send = (query: string) =>
      fetch(api.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
      });
    for (const query of ['{ search(query:"dijk"){ totalCount } }', '{ me{ email } }', '{ nope }']) {
      const res = await send(query);
      expect(res.headers.get('cache-control'), query).toBe('no-store');
      await res.json();
    }
  });

  it('replaces an unusable request id by a fresh one', async () => {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces {"json":1}' },
      body: '{"query":"{me{id}}"}',
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a body over 100 kB with 413, and a body that is not JSON with 400', async () => {
    const big = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{me{id}}', variables: { pad: 'x'.repeat(150_000) } }),
    });
    expect(big.status).toBe(413);
    const broken = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{me{id}}"',
    });
    expect(broken.status).toBe(400);
    expect(await broken.text()).toMatch(/not valid JSON/);
    const ok = await api.gql('{ __typename }', {});
    expect(ok.data).toEqual({ __typename: 'Query' });
  });
});
