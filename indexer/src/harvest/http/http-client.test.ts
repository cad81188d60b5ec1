import { afterEach, describe, expect, it } from 'vitest';
import { ReplayServer, type ReplayResponse } from '../testing/replay-server.js';
import { FakeClock } from './clock.js';
import { HttpClient, HttpError } from './http-client.js';
import { metaPolicy, remainingResetPolicy, retryAfterUntil } from './rate-limit.js';

describe('HttpClient', () => {
  let server: ReplayServer;
  afterEach(() => server.stop());

  async function serve(...replies: ReplayResponse[]) {
    let i = 0;
    server = await new ReplayServer(() => replies[Math.min(i++, replies.length - 1)]!).start();
    return server;
  }

  it('waits the Retry-After seconds of a 429 on the injected clock, then succeeds', async () => {
    await serve({ status: 429, headers: { 'retry-after': '2' }, body: '{}' }, { body: '{"ok":true}' });
    const clock = new FakeClock();
    const page = await new HttpClient({ baseUrl: server.baseUrl, clock }).get('api/x', { a: 1 });
    expect(page).toMatchObject({ status: 200, body: '{"ok":true}', url: `${server.baseUrl}/api/x?a=1` });
    expect(clock.waits).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it('accepts Retry-After as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterUntil('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(now + 30_000);
  });

  it('waits until the X reset (epoch seconds) when x-rate-limit-remaining is 0', async () => {
    const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));
    const reset = String(Date.parse('2025-01-01T00:05:00Z') / 1000);
    await serve({ headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }, body: '1' }, { body: '2' });
    const http = new HttpClient({ baseUrl: server.baseUrl, clock, rateLimit: remainingResetPolicy });
    expect((await http.get('a')).body).toBe('1');
    expect(clock.waits).toEqual([]);
    expect((await http.get('b')).body).toBe('2');
    expect(clock.waits).toEqual([300_000]);
  });

  it('backs off exponentially with jitter on 5xx and gives up after maxRetries', async () => {
    await serve({ status: 503, body: 'down' });
    const clock = new FakeClock();
    const http = new HttpClient({ baseUrl: server.baseUrl, clock, maxRetries: 3, backoffMs: 1000, random: () => 1 });
    await expect(http.get('x')).rejects.toBeInstanceOf(HttpError);
    expect(clock.waits).toEqual([1000, 2000, 4000]);
    expect(server.requests).toHaveLength(4);
  });

  it('does not retry other 4xx and sends the bearer token', async () => {
    await serve({ status: 404, body: 'gone' });
    const err = await new HttpClient({ baseUrl: server.baseUrl, token: 't0k', clock: new FakeClock() }).get('x').catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, body: 'gone' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer t0k');
  });

  it('retries network errors', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => (calls++ === 0 ? Promise.reject(new Error('ECONNRESET')) : fetch(input, init));
    await serve({ body: 'fine' });
    const clock = new FakeClock();
    expect((await new HttpClient({ baseUrl: server.baseUrl, clock, fetch: flaky, random: () => 0 }).get('x')).body).toBe('fine');
    expect(clock.waits).toEqual([500]);
  });
});

describe('metaPolicy', () => {
  it('pauses when X-App-Usage reaches 100 %', () => {
    const h = new Headers({ 'x-app-usage': '{"call_count":100,"total_cputime":10,"total_time":10}' });
    expect(metaPolicy(h, 0)).toBe(60_000);
    expect(metaPolicy(new Headers({ 'x-app-usage': '{"call_count":40}' }), 0)).toBeNull();
  });
  it('uses estimated_time_to_regain_access from X-Business-Use-Case-Usage', () => {
    const h = new Headers({ 'x-business-use-case-usage': '{"123":[{"type":"pages","call_count":100,"estimated_time_to_regain_access":7}]}' });
    expect(metaPolicy(h, 0)).toBe(7 * 60_000);
  });
});
