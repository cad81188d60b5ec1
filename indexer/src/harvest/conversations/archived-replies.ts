import { ItemEntity, ItemStatus, type Platform } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import type { ReportedReplies } from '../connectors/conversation-reader.js';

const CHUNK = 500;

/**
 * What one organisation's archive holds of a platform's conversations: the measure the platform's
 * reply counts are compared with. Items known to be deleted are left out, as the platforms leave
 * deleted replies out of their counts.
 */
export class ArchivedReplies {
  constructor(
    private readonly ds: DataSource,
    private readonly organisationId: string,
    private readonly platform: Platform,
  ) {}

  /** Replies per item: `direct` ones answer the item itself, `conversation` ones are anywhere under it. */
  async count(itemIds: string[], scope: ReportedReplies['scope']): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const column = scope === 'direct' ? 'i.inReplyToPlatformId' : 'i.conversationPlatformId';
    for (let at = 0; at < itemIds.length; at += CHUNK) {
      const query = this.items()
        .select(column, 'parent')
        .addSelect('COUNT(*)', 'n')
        .andWhere(`${column} IN (:...ids)`, { ids: itemIds.slice(at, at + CHUNK) })
        .groupBy(column);
      // A conversation's root carries the conversation's id itself: it is no reply.
      if (scope === 'conversation') query.andWhere('i.platformItemId <> i.conversationPlatformId');
      for (const row of await query.getRawMany<{ parent: string; n: number | string }>()) counts.set(row.parent, Number(row.n));
    }
    return counts;
  }

  async directReplies(itemId: string): Promise<number> {
    return (await this.count([itemId], 'direct')).get(itemId) ?? 0;
  }

  async holds(itemId: string): Promise<boolean> {
    return (await this.items().andWhere('i.platformItemId = :itemId', { itemId }).getCount()) > 0;
  }

  private items() {
    return this.ds
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.organisationId = :org AND i.platform = :platform AND i.status <> :deleted', {
        org: this.organisationId,
        platform: this.platform,
        deleted: ItemStatus.DELETED,
      });
  }
}
