import {
  AccountEntity,
  ActorEntity,
  ItemEntity,
  ItemVersionEntity,
  OrganisationEntity,
  orderVersions,
  type Platform,
} from '@bewaard/schema';
import { In, type DataSource } from 'typeorm';

/** Reads of archived items and what they link to. Callers pass the organisations the viewer may read. */
export class ItemRepository {
  constructor(private readonly ds: DataSource) {}

  findVisibleByIds(ids: readonly string[], organisationIds: readonly string[]): Promise<ItemEntity[]> {
    if (ids.length === 0 || organisationIds.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(ItemEntity).findBy({ id: In([...ids]), organisationId: In([...organisationIds]) });
  }

  findInOrganisationByPlatformId(organisationId: string, platform: Platform, platformItemId: string): Promise<ItemEntity | null> {
    return this.ds.getRepository(ItemEntity).findOneBy({ organisationId, platform, platformItemId });
  }

  repliesTo(item: Pick<ItemEntity, 'organisationId' | 'platform' | 'platformItemId'>, limit = 200): Promise<ItemEntity[]> {
    return this.ds.getRepository(ItemEntity).find({
      where: { organisationId: item.organisationId, platform: item.platform, inReplyToPlatformId: item.platformItemId },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Versions per item, in display order (oldest first). */
  async versionsOf(itemIds: readonly string[]): Promise<Map<string, ItemVersionEntity[]>> {
    const rows = itemIds.length
      ? await this.ds.getRepository(ItemVersionEntity).find({
          select: { id: true, itemId: true, versionNo: true, editPosition: true, text: true, contentHash: true, capturedAt: true, platformEditedAt: true },
          where: { itemId: In([...itemIds]) },
        })
      : [];
    const byItem = new Map<string, ItemVersionEntity[]>();
    for (const r of rows) byItem.set(r.itemId, [...(byItem.get(r.itemId) ?? []), r]);
    for (const [k, v] of byItem) byItem.set(k, orderVersions(v));
    return byItem;
  }

  actors(ids: readonly string[]): Promise<ActorEntity[]> {
    return ids.length ? this.ds.getRepository(ActorEntity).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  accounts(ids: readonly string[]): Promise<AccountEntity[]> {
    return ids.length ? this.ds.getRepository(AccountEntity).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  organisations(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return ids.length ? this.ds.getRepository(OrganisationEntity).findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }
}
