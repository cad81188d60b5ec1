import type { Config } from '@bewaard/schema';
import { CredentialsFile } from '../harvest/credentials.js';
import type { AccountHarvestReport } from '../harvest/harvest-account.js';
import { harvest, type HarvestSummary } from '../harvest/harvest.js';
import { openArchive } from '../pipeline/archive-context.js';
import { CliError } from './commands.js';
import { printJson } from './output.js';

export interface HarvestCommandOptions {
  org?: string;
  account?: string;
  full?: boolean;
  credentials?: string;
  every?: number;
  fullEvery?: number;
  json?: boolean;
}

/**
 * `bewaard harvest`: one pass over the accounts with credentials, or with `--every` one pass per
 * interval until SIGINT/SIGTERM (a pass under way finishes its current page first).
 */
export async function harvestCommand(cfg: Config, opts: HarvestCommandOptions): Promise<void> {
  const file = opts.credentials ?? cfg.harvestCredentialsFile;
  if (!file) throw new CliError('no credentials: pass --credentials <file> or set BEWAARD_HARVEST_CREDENTIALS');
  const credentials = await CredentialsFile.load(file);
  const ctx = await openArchive(cfg);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (;;) {
      const summary = await harvest(ctx, { credentials, organisation: opts.org, account: opts.account, full: opts.full, fullEveryHours: opts.fullEvery });
      print(summary, opts.json ?? false);
      if (summary.accounts.some((a) => a.error)) process.exitCode = 1;
      if (!opts.every || controller.signal.aborted) break;
      if (!opts.json) console.log(`next harvest in ${opts.every} min (Ctrl-C stops)`);
      await sleep(opts.every * 60_000, controller.signal);
      if (controller.signal.aborted) break;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await ctx.close();
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

function print(summary: HarvestSummary, json: boolean): void {
  if (json) {
    printJson(summary);
    return;
  }
  for (const a of summary.accounts) console.log(describe(a));
  for (const s of summary.skipped) console.log(`· ${s.platform}:${s.handle}: skipped (${s.reason})`);
  if (summary.accounts.length === 0) console.log('no account harvested');
}

function describe(a: AccountHarvestReport): string {
  const c = a.counts;
  const k = a.completeness;
  const gap = k.largestGap ? `${k.largestGap.days} days (${k.largestGap.from} → ${k.largestGap.to})` : 'n/a';
  return [
    `${a.error ? '✗' : '✓'} ${a.platform}:${a.handle}${a.full ? ' (full sync)' : ''}${a.resumed ? ' (resumed)' : ''}: pages ${a.pages}, new items ${c.newItems}, new versions ${c.newVersions}, deleted ${c.deleted} (sync-missing ${a.syncMissing}), unchanged ${c.unchanged}, quarantined ${c.quarantined}`,
    `    completeness: platform says ${k.platformCount ?? 'unknown'}, archive holds ${k.archivedCount} (${k.liveCount} live)${k.missing === null ? '' : `, missing ${k.missing}`}; largest gap ${gap}`,
    ...(a.error ? [`    failure: ${a.error}`] : []),
  ].join('\n');
}
