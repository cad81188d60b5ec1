import type { EntityManager } from 'typeorm';
import type { ItemStatus, Platform } from '../domain/enums.js';
import { ItemVersionEntity } from '../entities/item-version.entity.js';
import { ItemEntity } from '../entities/item.entity.js';

/** What the writer needs to know about an item to decide new / new version / unchanged. */
export interface ItemState {
  id: string;
  status: ItemStatus;
  versionCount: number;
  hashes: Set<string>;
  hasMedia: boolean;
  lastSeenAt: Date;
  deletedAt?: Date;
  isNew: boolean;
}

const CHUNK = 400;

/** Loads the items (and their version hashes) of one organisation that a batch refers to. */
export async function loadItemStates(
  m: EntityManager,
  organisationId: string,
  wanted: Array<{ platform: Platform; platformItemId: string }>,
): Promise<Map<string, ItemState>> {
  const states = new Map<string, ItemState>();
  const byPlatform = new Map<Platform, Set<string>>();
  for (const w of wanted) {
    const set = byPlatform.get(w.platform) ?? new Set<string>();
    set.add(w.platformItemId);
    byPlatform.set(w.platform, set);
  }
  const byId = new Map<string, ItemState>();
  for (const [platform, idSet] of byPlatform) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await m
        .getRepository(ItemEntity)
        .createQueryBuilder('i')
        .select(['i.id', 'i.platformItemId', 'i.status', 'i.versionCount', 'i.hasMedia', 'i.lastSeenAt'])
        .where('i.organisationId = :organisationId AND i.platform = :platform AND i.platformItemId IN (:...ids)', {
          organisationId,
          platform,
          ids: ids.slice(i, i + CHUNK),
        })
        .getMany();
      for (const r of rows) {
        const state: ItemState = {
          id: r.id,
          status: r.status,
          versionCount: r.versionCount,
          hashes: new Set(),
          hasMedia: r.hasMedia,
          lastSeenAt: r.lastSeenAt,
          isNew: false,
        };
        states.set(`${platform}\u0000${r.platformItemId}`, state);
        byId.set(r.id, state);
      }
    }
  }
  const itemIds = [...byId.keys()];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const versions = await m
      .getRepository(ItemVersionEntity)
      .createQueryBuilder('v')
      .select('v.itemId', 'itemId')
      .addSelect('v.contentHash', 'contentHash')
      .where('v.itemId IN (:...ids)', { ids: itemIds.slice(i, i + CHUNK) })
      .getRawMany<{ itemId: string; contentHash: string }>();
    for (const v of versions) byId.get(v.itemId)?.hashes.add(v.contentHash);
  }
  return states;
}
