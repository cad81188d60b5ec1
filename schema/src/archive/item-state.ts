import type { EntityManager } from 'typeorm';
import type { ItemStatus, Platform } from '../domain/enums.js';
import { ItemEntity } from '../entities/item.entity.js';
import type { BatchStore } from './batch-store.js';

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

interface ItemStateRow {
  id: string;
  platformItemId: string;
  status: ItemStatus;
  versionCount: number;
  hasMedia: unknown;
  lastSeenAt: unknown;
}

/**
 * Loads the items (and their version hashes) of one organisation that a batch refers to: one
 * query per platform and one for the hashes, however large the batch.
 */
export async function loadItemStates(
  m: EntityManager,
  store: BatchStore,
  organisationId: string,
  wanted: Array<{ platform: Platform; platformItemId: string }>,
): Promise<Map<string, ItemState>> {
  const states = new Map<string, ItemState>();
  const byPlatform = new Map<Platform, Set<string>>();
  for (const w of wanted) {
    let set = byPlatform.get(w.platform);
    if (!set) byPlatform.set(w.platform, (set = new Set<string>()));
    set.add(w.platformItemId);
  }
  // Values read with raw SQL are hydrated by the driver exactly as TypeORM reads entities.
  const meta = m.connection.getMetadata(ItemEntity);
  const hydrate = (property: 'hasMedia' | 'lastSeenAt', value: unknown): unknown =>
    m.connection.driver.prepareHydratedValue(value, meta.findColumnWithPropertyName(property)!);
  const byId = new Map<string, ItemState>();
  for (const [platform, ids] of byPlatform) {
    const rows = await store.selectIn<ItemStateRow>(
      'SELECT id, platformItemId, status, versionCount, hasMedia, lastSeenAt FROM item WHERE organisationId = ? AND platform = ? AND platformItemId IN $LIST',
      [organisationId, platform],
      [...ids],
    );
    for (const r of rows) {
      const state: ItemState = {
        id: r.id,
        status: r.status,
        versionCount: Number(r.versionCount),
        hashes: new Set(),
        hasMedia: hydrate('hasMedia', r.hasMedia) as boolean,
        lastSeenAt: hydrate('lastSeenAt', r.lastSeenAt) as Date,
        isNew: false,
      };
      states.set(`${platform}\u0000${r.platformItemId}`, state);
      byId.set(r.id, state);
    }
  }
  const versions = await store.selectIn<{ itemId: string; contentHash: string }>(
    'SELECT itemId, contentHash FROM item_version WHERE itemId IN $LIST',
    [],
    [...byId.keys()],
  );
  for (const v of versions) byId.get(v.itemId)?.hashes.add(v.contentHash);
  return states;
}
