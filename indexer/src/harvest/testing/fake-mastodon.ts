import { readFileSync } from 'node:fs';
import { fixture } from '../../testing/fixtures.js';
import { ReplayServer, type ReplayResponse } from './replay-server.js';

type Status = Record<string, unknown> & { id: string; account: Record<string, unknown> };

/**
 * A Mastodon instance serving one account's timeline, built from the recorded public timeline
 * with every status's author set to the first one's (so it reads as one account's statuses).
 * Tests edit `statuses` between harvests and may make one page fail.
 */
export class FakeMastodon {
  readonly statuses: Status[];
  readonly account: Record<string, unknown>;
  pageSize = 8;
  statusesCount: number;
  /** When set, requests for the page starting below this max_id answer 500. */
  failAtMaxId: string | null = null;
  readonly server: ReplayServer;

  constructor() {
    const timeline = JSON.parse(readFileSync(fixture('mastodon-api', 'bigbone_public_timeline.json'), 'utf8')) as Status[];
    this.account = timeline[0]!.account;
    this.statuses = timeline.map((s) => ({ ...s, account: this.account }));
    this.statusesCount = this.statuses.length + 5;
    this.server = new ReplayServer((url) => this.answer(url));
  }

  get apiAccountId(): string {
    return String(this.account.id);
  }

  private answer(url: URL): ReplayResponse {
    if (url.pathname === '/api/v1/accounts/lookup') return { body: JSON.stringify({ ...this.account, statuses_count: this.statusesCount }) };
    const m = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(url.pathname);
    if (!m || m[1] !== this.apiAccountId) return { status: 404, body: '{"error":"Record not found"}' };
    const maxId = url.searchParams.get('max_id');
    if (maxId !== null && maxId === this.failAtMaxId) return { status: 500, body: '{"error":"boom"}' };
    const sinceId = url.searchParams.get('since_id');
    const page = this.statuses
      .filter((s) => (maxId === null || BigInt(s.id) < BigInt(maxId)) && (sinceId === null || BigInt(s.id) > BigInt(sinceId)))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .slice(0, this.pageSize);
    const headers: Record<string, string> = { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': '2030-01-01T00:00:00.000Z' };
    const last = page.at(-1);
    if (last) headers.link = `<${this.server.baseUrl}/api/v1/accounts/${this.apiAccountId}/statuses?max_id=${last.id}>; rel="next", <${this.server.baseUrl}/api/v1/accounts/${this.apiAccountId}/statuses?min_id=${page[0]!.id}>; rel="prev"`;
    return { headers, body: JSON.stringify(page) };
  }
}
