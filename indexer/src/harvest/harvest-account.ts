import { emptyCounts, type AccountEntity, type CaptureCounts } from '@bewaard/schema';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { completenessOf, type CompletenessReport } from './completeness.js';
import type { Connector } from './connectors/connector.js';
import { ArchivedReplies } from './conversations/archived-replies.js';
import { ConversationMemory } from './conversations/conversation-memory.js';
import { ThreadReading } from './conversations/thread-reading.js';
import type { HarvestCredentials } from './credentials.js';
import { HarvestStates, parseCursor, type HarvestCursor } from './harvest-state.js';
import type { Clock } from './http/clock.js';
import { HttpClient } from './http/http-client.js';
import { writePage } from './page-writer.js';
import { missingFromFullSync } from './sync-missing.js';

export interface AccountHarvestOptions {
  full: boolean;
  /**
   * A run is a full sync when the account's last completed one is older than this (ms), or there
   * was none: edits, deletions and new replies on posts older than the newest page are only seen
   * by full syncs.
   */
  fullEvery?: number;
  clock: Clock;
  maxRetries?: number;
  fetch?: typeof fetch;
}

export interface AccountHarvestReport {
  accountId: string;
  platform: string;
  handle: string;
  runId: string;
  full: boolean;
  /** True when the run continued an interrupted pagination. */
  resumed: boolean;
  /** Timeline pages written (the conversations' responses are counted in completeness.conversations). */
  pages: number;
  /** Everything written: the timeline and the conversations read around it. */
  counts: CaptureCounts;
  /** Deletions concluded from disappearance (also included in counts.deleted). */
  syncMissing: number;
  completeness: CompletenessReport;
  error: string | null;
}

/**
 * Harvests one account in one capture run: pages newest to oldest, each page written and then the
 * cursor stored, so a crash repeats at most one page. A failure keeps the pending position; the
 * next run resumes there (a full sync asked for anew starts over).
 *
 * Where the connector reads conversations, a page's threads are read before the page itself is
 * written: a reply first stored from its thread gets its links from the whole conversation (the
 * Mastodon reader can only guess a parent's URI from a lone status). The cursor then stays at
 * that page, with the threads done so far, until the page is written.
 */
export async function harvestAccount(
  ctx: ArchiveContext,
  account: AccountEntity,
  connector: Connector,
  credentials: HarvestCredentials,
  options: AccountHarvestOptions,
): Promise<AccountHarvestReport> {
  const states = new HarvestStates(ctx.ds);
  const state = await states.get(account.id);
  const stored = parseCursor(state.cursor);
  const fullDue =
    options.fullEvery !== undefined &&
    (state.lastFullSyncAt === null || options.clock.now() - state.lastFullSyncAt.getTime() >= options.fullEvery);
  const wantFull = options.full || fullDue;
  const resumePending = stored.pending && (!wantFull || stored.pending.full) ? stored.pending : null;
  const full = resumePending ? resumePending.full : wantFull;
  const run = await ctx.runs.start('harvest', connector.source.format, `${account.platform}:${account.handle} ${credentials.baseUrl}`);
  const counts = emptyCounts();
  const report: Omit<AccountHarvestReport, 'completeness'> = {
    accountId: account.id, platform: account.platform, handle: account.handle, runId: run.id,
    full, resumed: resumePending !== null, pages: 0, counts, syncMissing: 0, error: null,
  };
  const http = new HttpClient({
    baseUrl: credentials.baseUrl,
    token: credentials.token,
    query: credentials.apiKey ? { key: credentials.apiKey } : undefined,
    clock: options.clock,
    rateLimit: connector.rateLimit,
    maxRetries: options.maxRetries,
    fetch: options.fetch,
  });
  state.lastRunAt = new Date(options.clock.now());
  const memory = new ConversationMemory(stored.conversations);
  const threads = connector.conversations
    ? new ThreadReading({
        ctx, reader: connector.conversations, source: connector.source, http, memory, counts, clock: options.clock,
        archive: new ArchivedReplies(ctx.ds, account.organisationId, account.platform),
        target: { organisationId: account.organisationId, runId: run.id, ownActorId: account.platformAccountId },
      })
    : null;
  // The cursor as committed so far; the conversation memory is added each time it is stored.
  let standing: HarvestCursor = { since: stored.since, pending: stored.pending };
  const serialise = (cursor: HarvestCursor): string => JSON.stringify({ ...cursor, conversations: memory.toStored() });
  const store = async (cursor: HarvestCursor): Promise<void> => {
    standing = cursor;
    state.cursor = serialise(cursor);
    await states.save(state);
    await ctx.runs.progress(run.id, counts, state.cursor);
  };
  try {
    const profile = await connector.profile(http, { ...account, apiAccountId: credentials.apiAccountId });
    state.platformCount = profile.platformCount ?? state.platformCount;
    await threads?.retryFailures(() => store(standing));
    const since = resumePending ? resumePending.since : full ? null : stored.since;
    let position = resumePending?.next ?? null;
    let newest = resumePending?.newest ?? null;
    let done = new Set(resumePending?.threadsDone ?? []);
    const seen = new Set<string>();
    let oldestOwn: Date | null = null;
    for (;;) {
      const result = await connector.fetchPage(http, profile.apiAccountId, position, since);
      newest ??= result.newestMarker;
      const next = result.reachedSince ? null : result.next;
      const onPage = threads?.threadsOn(result.page, profile.apiAccountId) ?? null;
      if (threads && onPage) {
        const pending = { next: position, newest, since, full };
        await threads.readThreads(onPage.threads, done, () => store({ since: stored.since, pending: { ...pending, threadsDone: [...done] } }));
      }
      const capturedAt = new Date(options.clock.now());
      const pageSeen = await writePage(ctx, connector.source, result.page, { organisationId: account.organisationId, runId: run.id, ownActorId: account.platformAccountId, capturedAt }, counts);
      report.pages++;
      for (const id of pageSeen.itemIds) seen.add(id);
      for (const t of pageSeen.ownCreatedAt) if (!oldestOwn || t < oldestOwn) oldestOwn = t;
      if (threads && onPage) await threads.count(onPage.reported);
      await store(next ? { since: stored.since, pending: { next, newest, since, full } } : { since: newest ?? stored.since, pending: null });
      if (!next) break;
      position = next;
      done = new Set();
    }
    // A resumed full sync did not see the pages before the interruption: no conclusions from it.
    if (full && !report.resumed) {
      const notices = await missingFromFullSync(ctx.ds, account, seen, oldestOwn, new Date(options.clock.now()));
      if (notices.length > 0) {
        const r = await ctx.writer.write(account.organisationId, [], notices, run.id);
        counts.deleted += r.deleted;
        report.syncMissing = r.deleted;
      }
      state.lastFullSyncAt = new Date(options.clock.now());
    }
    state.lastSuccessAt = new Date(options.clock.now());
    state.lastError = null;
    await ctx.runs.finish(run.id, counts);
  } catch (err) {
    report.error = (err as Error).message;
    state.lastError = report.error;
    await ctx.runs.finish(run.id, counts, report.error);
  }
  // Failures recorded after the last stored position are kept too.
  state.cursor = serialise(standing);
  const completeness = await completenessOf(ctx.ds, account, state.platformCount, threads?.finalReport() ?? null);
  state.capturedCount = completeness.archivedCount;
  await states.save(state);
  return { ...report, completeness };
}
