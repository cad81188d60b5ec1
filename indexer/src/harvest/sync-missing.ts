import { ItemEntity, ItemStatus, type AccountEntity, type DeletionNotice } from '@bewaard/schema';
import { MoreThanOrEqual, Not } from 'typeorm';
import type { DataSource } from 'typeorm';

/**
 * Deletion by disappearance. Only valid after a full sync that went from the newest page to the
 * end without errors: then an archived item of the account that is newer than the oldest item the
 * sync saw, yet was not among the items seen, is gone from the platform. Items older than that are
 * left alone: APIs stop serving old posts (X serves the last 3200) without them being deleted.
 */
export async function missingFromFullSync(
  ds: DataSource,
  account: AccountEntity,
  seenItemIds: ReadonlySet<string>,
  oldestSeen: Date | null,
  detectedAt: Date,
): Promise<DeletionNotice[]> {
  // Nothing of the account's own seen: an empty answer proves nothing (an API glitch looks the same).
  if (!oldestSeen) return [];
  const candidates = await ds.getRepository(ItemEntity).find({
    select: { platformItemId: true },
    where: { accountId: account.id, platform: account.platform, status: Not(ItemStatus.DELETED), createdAt: MoreThanOrEqual(oldestSeen) },
  });
  return candidates
    .filter((c) => !seenItemIds.has(c.platformItemId))
    .map((c) => ({ platform: account.platform, platformItemId: c.platformItemId, detectedAt, method: 'sync-missing', platformDeletedAt: null }));
}
