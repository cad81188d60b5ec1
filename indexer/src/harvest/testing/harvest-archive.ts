import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type AccountEntity, type DatabaseConfig, type Platform } from '@bewaard/schema';
import { openArchive, type ArchiveContext } from '../../pipeline/archive-context.js';
import { CredentialsFile } from '../credentials.js';

/** A throwaway archive holding organisation `org-a`: where every harvest test starts. */
export interface HarvestArchive {
  dir: string;
  ctx: ArchiveContext;
  close(): Promise<void>;
}

/** @param database another database than the archive's own SQLite file (e.g. MariaDB from describeEachDatabase). */
export async function openHarvestArchive(database?: DatabaseConfig): Promise<HarvestArchive> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-harvest-'));
  const config = parseConfig({ BEWAARD_DATA_DIR: dir });
  const ctx = await openArchive(database ? { ...config, database } : config);
  await ctx.registry.ensureOrganisation('org-a', 'Organisatie A');
  return {
    dir,
    ctx,
    async close() {
      await ctx.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Declares one of org-a's own accounts. */
export function declareOrgAccount(
  ctx: ArchiveContext,
  account: { platform: Platform; platformAccountId: string; handle: string; displayName?: string },
): Promise<AccountEntity> {
  return ctx.registry.declareAccount({
    organisationSlug: 'org-a',
    displayName: account.handle,
    ...account,
    kind: 'organisation',
    keyOfficial: false,
  });
}

/** A credentials file with one entry, keyed the way the harvest looks accounts up (platform:id by default). */
export function credentialsFor(
  account: AccountEntity,
  settings: Record<string, string>,
  key = `${account.platform}:${account.platformAccountId}`,
): CredentialsFile {
  return CredentialsFile.fromJson({ accounts: { [key]: settings } });
}
