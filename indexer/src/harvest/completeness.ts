import { ItemEntity, ItemStatus, type AccountEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import type { ConversationReport } from './conversations/conversation-report.js';

/** How complete an account's archive looks next to what the platform says. */
export interface CompletenessReport {
  /** What the platform says exists (null when it does not say). */
  platformCount: number | null;
  /** Items of the account in the archive, deleted ones included (they are kept). */
  archivedCount: number;
  /** Of those, not known to be deleted: the number comparable with `platformCount`. */
  liveCount: number;
  /** platformCount − liveCount: positive means posts the archive lacks (or the API no longer serves). */
  missing: number | null;
  /** The longest stretch between consecutive archived posts: where gaps in capture would show. */
  largestGap: { from: string; to: string; days: number } | null;
  /** Replies reported vs archived, threads read, failed thread reads; null for connectors that read no conversations. */
  conversations: ConversationReport | null;
}

export async function completenessOf(
  ds: DataSource,
  account: AccountEntity,
  platformCount: number | null,
  conversations: ConversationReport | null,
): Promise<CompletenessReport> {
  const rows = await ds
    .getRepository(ItemEntity)
    .createQueryBuilder('i')
    .select(['i.createdAt', 'i.status'])
    .where('i.accountId = :id', { id: account.id })
    .orderBy('i.createdAt', 'ASC')
    .getMany();
  const liveCount = rows.filter((r) => r.status !== ItemStatus.DELETED).length;
  let largestGap: CompletenessReport['largestGap'] = null;
  for (let i = 1; i < rows.length; i++) {
    const from = rows[i - 1]!.createdAt;
    const to = rows[i]!.createdAt;
    const ms = to.getTime() - from.getTime();
    if (!largestGap || ms > largestGap.days * 86_400_000) {
      largestGap = { from: from.toISOString(), to: to.toISOString(), days: ms / 86_400_000 };
    }
  }
  if (largestGap) largestGap.days = Math.round(largestGap.days * 100) / 100;
  return {
    platformCount,
    archivedCount: rows.length,
    liveCount,
    missing: platformCount === null ? null : platformCount - liveCount,
    largestGap,
    conversations,
  };
}
