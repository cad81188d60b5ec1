import { readFileSync } from 'node:fs';
import { fixture } from '../../testing/fixtures.js';
import { ReplayServer, type ReplayResponse } from './replay-server.js';

export type Status = Record<string, unknown> & { id: string; uri: string; in_reply_to_id: string | null; account: Record<string, unknown> };

/** Ids in the recorded context (bigbone_context.json, mstdn.jp, 2017-05-03). */
export const ROOT = '6884492'; // by test@mstdn.onosendai.jp: here the organisation
export const CITIZEN_REPLY = '6884692'; // by test2, a reply to the root
export const ANSWER = '6886100'; // the status the context was asked for: not in the recording
export const CITIZEN_FOLLOW_UP = '6886129'; // by test2, a reply to the answer
export const LATE_REPLY = '6886200'; // constructed: a second citizen reply to the root

/**
 * A Mastodon instance serving one conversation, built from the recorded `/context` of status
 * 6886100: its ancestors (the root, by the account that plays the organisation, and a citizen's
 * reply) and its descendant (the citizen again). Constructed from those recorded statuses: the
 * status 6886100 itself (a context leaves out the status it was asked for) as the organisation's
 * answer to the citizen, and a second citizen reply to the root, so the root's conversation holds
 * more than 6886100's context. Contexts are computed from the reply links as Mastodon builds them
 * (ancestors root first, descendants depth first); `replies_count`, which 2017 statuses lack, too.
 */
export class FakeMastodonConversation {
  readonly statuses = new Map<string, Status>();
  readonly account: Record<string, unknown>;
  readonly server: ReplayServer;
  /** The organisation's timeline, newest first. */
  timeline = [ANSWER, ROOT];
  pageSize = 2;
  /** Answers to give, in order, before a status's real context (a 429, a 404, …). */
  readonly contextAnswers = new Map<string, ReplayResponse[]>();
  /** Replies counted in replies_count that no context shows (followers-only, from blocked servers). */
  readonly hiddenReplies = new Map<string, number>();

  constructor() {
    const recorded = JSON.parse(readFileSync(fixture('mastodon-api', 'bigbone_context.json'), 'utf8')) as { ancestors: Status[]; descendants: Status[] };
    const [root, citizenReply] = recorded.ancestors as [Status, Status];
    const followUp = recorded.descendants[0]!;
    this.account = root.account;
    for (const status of [root, citizenReply, followUp]) this.statuses.set(status.id, status);
    this.statuses.set(ANSWER, {
      ...followUp,
      id: ANSWER,
      uri: 'tag:mstdn.onosendai.jp,2017-05-03:objectId=141412:objectType=Status',
      url: 'https://mstdn.onosendai.jp/users/test/updates/3612',
      created_at: '2017-05-03T02:29:10.000Z',
      in_reply_to_id: CITIZEN_REPLY,
      in_reply_to_account_id: citizenReply.account.id,
      account: root.account,
      content: '<p><span class="h-card"><a href="https://mstdn.jp/@test2">@test2</a></span> Dank voor uw vraag: het antwoord staat op onze website.</p>',
      mentions: [{ url: citizenReply.account.url, acct: citizenReply.account.acct, id: citizenReply.account.id, username: citizenReply.account.username }],
    });
    this.addReply(ROOT, LATE_REPLY, '<p>Nog een vraag over dit bericht.</p>', '2017-05-03T02:35:00.000Z');
    this.server = new ReplayServer((url) => this.answer(url));
  }

  /** A citizen (test2) replies to `parentId`; built from the recorded citizen reply. */
  addReply(parentId: string, id: string, content: string, createdAt: string): Status {
    const template = this.statuses.get(CITIZEN_REPLY)!;
    const parent = this.statuses.get(parentId)!;
    const reply: Status = {
      ...template, id, content, created_at: createdAt,
      uri: `tag:mstdn.jp,2017-05-03:objectId=${id}:objectType=Status`,
      url: `https://mstdn.jp/@test2/${id}`,
      in_reply_to_id: parentId,
      in_reply_to_account_id: parent.account.id,
    };
    this.statuses.set(id, reply);
    return reply;
  }

  get apiAccountId(): string {
    return String(this.account.id);
  }

  /** A status as the API serves it now: with its current replies_count. */
  served(id: string): Status {
    const status = this.statuses.get(id)!;
    return { ...status, replies_count: this.repliesTo(id).length + (this.hiddenReplies.get(id) ?? 0) };
  }

  context(id: string): { ancestors: Status[]; descendants: Status[] } {
    const ancestors: Status[] = [];
    for (let parent = this.statuses.get(id)?.in_reply_to_id ?? null; parent !== null; parent = this.statuses.get(parent)?.in_reply_to_id ?? null) {
      ancestors.unshift(this.served(parent));
    }
    const descendants: Status[] = [];
    const walk = (parentId: string): void => {
      for (const reply of this.repliesTo(parentId)) {
        descendants.push(this.served(reply.id));
        walk(reply.id);
      }
    };
    walk(id);
    return { ancestors, descendants };
  }

  private repliesTo(id: string): Status[] {
    return [...this.statuses.values()].filter((s) => s.in_reply_to_id === id).sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  }

  private answer(url: URL): ReplayResponse {
    const account = `/api/v1/accounts/${this.apiAccountId}`;
    if (url.pathname === account) return { body: JSON.stringify({ ...this.account, statuses_count: this.timeline.length }) };
    if (url.pathname === `${account}/statuses`) return this.timelinePage(url);
    const context = /^\/api\/v1\/statuses\/(\d+)\/context$/.exec(url.pathname);
    if (context) {
      const queued = this.contextAnswers.get(context[1]!)?.shift();
      if (queued) return queued;
      if (this.statuses.has(context[1]!)) return { body: JSON.stringify(this.context(context[1]!)) };
    }
    const status = /^\/api\/v1\/statuses\/(\d+)$/.exec(url.pathname);
    if (status && this.statuses.has(status[1]!)) return { body: JSON.stringify(this.served(status[1]!)) };
    return { status: 404, body: '{"error":"Record not found"}' };
  }

  private timelinePage(url: URL): ReplayResponse {
    const maxId = url.searchParams.get('max_id');
    const sinceId = url.searchParams.get('since_id');
    const ids = this.timeline
      .filter((id) => (maxId === null || BigInt(id) < BigInt(maxId)) && (sinceId === null || BigInt(id) > BigInt(sinceId)))
      .slice(0, this.pageSize);
    const headers: Record<string, string> = {};
    if (ids.length > 0) headers.link = `<${this.server.baseUrl}/api/v1/accounts/${this.apiAccountId}/statuses?max_id=${ids.at(-1)!}>; rel="next"`;
    return { headers, body: JSON.stringify(ids.map((id) => this.served(id))) };
  }
}
