import { AccountEntity, OrganisationEntity } from '@bewaard/schema';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { CONNECTORS, type Connector } from './connectors/index.js';
import type { CredentialsFile } from './credentials.js';
import { harvestAccount, type AccountHarvestReport } from './harvest-account.js';
import { systemClock, type Clock } from './http/clock.js';

export interface HarvestOptions {
  credentials: CredentialsFile;
  /** Only this organisation's accounts (slug). */
  organisation?: string;
  /** Only this account: its id, handle or platform account id. */
  account?: string;
  full?: boolean;
  /** Full sync per account when its last one is older than this many hours (see AccountHarvestOptions). */
  fullEveryHours?: number;
  clock?: Clock;
  maxRetries?: number;
  fetch?: typeof fetch;
  connectors?: ReadonlyMap<string, Connector>;
  onAccount?: (report: AccountHarvestReport) => void;
}

export interface HarvestSummary {
  startedAt: string;
  accounts: AccountHarvestReport[];
  /** Accounts passed over, and why (no credentials, platform without a connector). */
  skipped: Array<{ accountId: string; platform: string; handle: string; reason: string }>;
}

export class HarvestError extends Error {
  override name = 'HarvestError';
}

/** One harvest pass over the selected accounts. One account's failure never stops the others. */
export async function harvest(ctx: ArchiveContext, options: HarvestOptions): Promise<HarvestSummary> {
  const clock = options.clock ?? systemClock;
  const connectors = options.connectors ?? CONNECTORS;
  const summary: HarvestSummary = { startedAt: new Date(clock.now()).toISOString(), accounts: [], skipped: [] };
  // Accounts may have been declared since the writer was opened: link their actors.
  ctx.writer.accountsChanged();
  for (const account of await selectAccounts(ctx, options)) {
    const connector = connectors.get(account.platform);
    const credentials = options.credentials.for(account);
    const skip = !connector ? `no live connector for ${account.platform}` : !credentials ? 'no credentials configured' : null;
    if (skip || !connector || !credentials) {
      summary.skipped.push({ accountId: account.id, platform: account.platform, handle: account.handle, reason: skip ?? '' });
      continue;
    }
    const report = await harvestAccount(ctx, account, connector, credentials, {
      full: options.full ?? false,
      fullEvery: options.fullEveryHours === undefined ? undefined : options.fullEveryHours * 3_600_000,
      clock,
      maxRetries: options.maxRetries,
      fetch: options.fetch,
    });
    summary.accounts.push(report);
    options.onAccount?.(report);
  }
  return summary;
}

async function selectAccounts(ctx: ArchiveContext, options: HarvestOptions): Promise<AccountEntity[]> {
  let accounts = await ctx.ds.getRepository(AccountEntity).find({ order: { platform: 'ASC', handle: 'ASC' } });
  if (options.organisation) {
    const org = await ctx.ds.getRepository(OrganisationEntity).findOneBy({ slug: options.organisation });
    if (!org) throw new HarvestError(`unknown organisation "${options.organisation}"`);
    accounts = accounts.filter((a) => a.organisationId === org.id);
  }
  if (options.account) {
    const want = options.account.replace(/^@/, '');
    accounts = accounts.filter((a) => a.id === want || a.handle.replace(/^@/, '') === want || a.platformAccountId === want);
    if (accounts.length === 0) throw new HarvestError(`no account "${options.account}"${options.organisation ? ` in ${options.organisation}` : ''}`);
  }
  return accounts;
}
