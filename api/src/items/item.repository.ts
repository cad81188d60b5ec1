import {
  AccountEntity,
  ActorEntity,
  ItemEntity,
  ItemVersionEntity,
  OrganisationEntity,
  UserEntity,
  orderVersions,
  type Platform,
} from '@bewaard/schema';
import { In, type DataSource } from 'typeorm';

/** Where an item sits in one organisation's archive: what thread links are resolved by. */
export interface ThreadKey {
  organisationId: string;
  platform: Platform;
  platformItemId: string;
}

/** Reads of archived items and what they link to. Callers pass the organisations the viewer may read. */
export class ItemRepository {
  constructor(private readonly ds: DataSource) {}

  findVisibleByIds(ids: readonly string[], organisationIds: readonly string[]): Promise<ItemEntity[]> {
    if (ids.length === 0 || organisationIds.length === 0) return Promise.resolve([]);
    // Look up by primary key only and apply the organisation scope here: with both conditions in SQL,
    // SQLite's planner scanned the organisations' items instead (30 ms per page at 50k items, growing).
    const allowed = new Set(organisationIds);
    return this.ds
      .getRepository(ItemEntity)
      .findBy({ id: In([...ids]) })
      .then((rows) => rows.filter((r) => allowed.has(r.organisationId)));
  }

  /** Items by thread key, one query for many keys (grouped per organisation and platform). */
  findByThreadKeys(keys: readonly ThreadKey[]): Promise<ItemEntity[]> {
    const groups = groupKeys(keys);
    if (groups.length === 0) return Promise.resolve([]);
    return this.ds.getRepository(ItemEntity).find({
      where: groups.map((g) => ({
        organisationId: g.organisationId,
        platform: g.platform,
        platformItemId: In(g.ids),
      })),
    });
  }

  /**
   * Direct replies to many parents at once, oldest first, at most `limit` per parent. Reads the
   * reply ids first and cuts per parent, so a parent with thousands of replies costs ids, not rows.
   */
  async repliesToMany(parents: readonly ThreadKey[], limit = 200): Promise<ItemEntity[]> {
    const groups = groupKeys(parents);
    if (groups.length === 0) return [];
    const refs = await this.ds.getRepository(ItemEntity).find({
      select: { id: true, organisationId: true, platform: true, inReplyToPlatformId: true },
      where: groups.map((g) => ({
        organisationId: g.organisationId,
        platform: g.platform,
        inReplyToPlatformId: In(g.ids),
      })),
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const perParent = new Map<string, number>();
    const ids = refs.flatMap((r) => {
      const k = `${r.organisationId}\u0000${r.platform}\u0000${r.inReplyToPlatformId}`;
      const n = (perParent.get(k) ?? 0) + 1;
      perParent.set(k, n);
      return n <= limit ? [r.id] : [];
    });
    if (ids.length === 0) return [];
    return this.ds
      .getRepository(ItemEntity)
      .find({ where: { id: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Versions per item, in display order (oldest first). */
  async versionsOf(itemIds: readonly string[]): Promise<Map<string, ItemVersionEntity[]>> {
    const rows = itemIds.length
      ? await this.ds.getRepository(ItemVersionEntity).find({
          select: {
            id: true,
            itemId: true,
            versionNo: true,
            editPosition: true,
            text: true,
            contentHash: true,
            capturedAt: true,
            platformEditedAt: true,
          },
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
    return ids.length
      ? this.ds.getRepository(AccountEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }

  /** Every organisation account's platform and handle: mentions of these are never masked. */
  accountHandles(): Promise<Array<Pick<AccountEntity, 'platform' | 'handle'>>> {
    return this.ds.getRepository(AccountEntity).find({ select: { platform: true, handle: true } });
  }

  organisations(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return ids.length
      ? this.ds.getRepository(OrganisationEntity).findBy({ id: In([...ids]) })
      : Promise.resolve([]);
  }

  users(ids: readonly string[]): Promise<UserEntity[]> {
    return ids.length
      ? this.ds
          .getRepository(UserEntity)
          .find({ select: { id: true, email: true, displayName: true }, where: { id: In([...ids]) } })
      : Promise.resolve([]);
  }
}

function groupKeys(
  keys: readonly ThreadKey[],
): Array<{ organisationId: string; platform: Platform; ids: string[] }> {
  const groups = new Map<string, { organisationId: string; platform: Platform; ids: string[] }>();
  for (const k of keys) {
    const g = groups.get(`${k.organisationId}\u0000${k.platform}`) ?? {
      organisationId: k.organisationId,
      platform: k.platform,
      ids: [],
    };
    g.ids.push(k.platformItemId);
    groups.set(`${k.organisationId}\u0000${k.platform}`, g);
  }
  return [...groups.values()];
}
