import { emptyCounts, type AccountEntity, type CaptureCounts } from '@bewaard/schema';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { completenessOf, type CompletenessReport } from './completeness.js';
import type { Connector } from './connectors/connector.js';
import type { HarvestCredentials } from './credentials.js';
import { HarvestStates, parseCursor, type HarvestCursor } from './harvest-state.js';
import type { Clock } from './http/clock.js';
import { HttpClient } from './http/http-client.js';
import { writePage } from './page-writer.js';
import { missingFromFullSync } from './sync-missing.js';

export interface AccountHarvestOptions {
  full: boolean;
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
  pages: number;
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
  const resumePending = stored.pending && (!options.full || stored.pending.full) ? stored.pending : null;
  const full = resumePending ? resumePending.full : options.full;
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
  try {
    const profile = await connector.profile(http, { ...account, apiAccountId: credentials.apiAccountId });
    state.platformCount = profile.platformCount ?? state.platformCount;
    const since = resumePending ? resumePending.since : full ? null : stored.since;
    let position = resumePending?.next ?? null;
    let newest = resumePending?.newest ?? null;
    const seen = new Set<string>();
    let oldestOwn: Date | null = null;
    for (;;) {
      const result = await connector.fetchPage(http, profile.apiAccountId, position, since);
      const capturedAt = new Date(options.clock.now());
      const pageSeen = await writePage(ctx, connector.source, result.page, { organisationId: account.organisationId, runId: run.id, ownActorId: account.platformAccountId, capturedAt }, counts);
      report.pages++;
      for (const id of pageSeen.itemIds) seen.add(id);
      for (const t of pageSeen.ownCreatedAt) if (!oldestOwn || t < oldestOwn) oldestOwn = t;
      newest ??= result.newestMarker;
      const next = result.reachedSince ? null : result.next;
      const cursor: HarvestCursor = next
        ? { since: stored.since, pending: { next, newest, since, full } }
        : { since: newest ?? stored.since, pending: null };
      state.cursor = JSON.stringify(cursor);
      await states.save(state);
      await ctx.runs.progress(run.id, counts, state.cursor);
      if (!next) break;
      position = next;
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
  const completeness = await completenessOf(ctx.ds, account, state.platformCount);
  state.capturedCount = completeness.archivedCount;
  await states.save(state);
  return { ...report, completeness };
}
