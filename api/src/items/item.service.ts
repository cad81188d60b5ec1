import type { ItemEntity } from '@bewaard/schema';
import type { AccessService } from '../access/access.service.js';
import type { Viewer } from '../auth/viewer.js';
import { notFound } from '../errors/app-error.js';
import type { ItemRepository } from './item.repository.js';
import type { ItemType } from './item.types.js';

export function toItemType(e: ItemEntity): ItemType {
  return {
    id: e.id,
    platform: e.platform,
    platformItemId: e.platformItemId,
    kind: e.kind,
    status: e.status,
    url: e.url,
    createdAt: e.createdAt,
    firstSeenAt: e.firstSeenAt,
    lastSeenAt: e.lastSeenAt,
    deletedAt: e.deletedAt,
    versionCount: e.versionCount,
    organisationId: e.organisationId,
    accountId: e.accountId,
    authorId: e.authorId,
    inReplyToPlatformId: e.inReplyToPlatformId,
  };
}

/** Items and their thread links, only ever within organisations the viewer may read. */
export class ItemService {
  constructor(
    private readonly access: AccessService,
    private readonly items: ItemRepository,
  ) {}

  /** The item, or NOT_FOUND — also when it exists in an organisation the viewer may not read. */
  async get(viewer: Viewer | null, id: string): Promise<ItemType> {
    const orgIds = await this.access.readableOrganisationIds(viewer);
    const [item] = await this.items.findVisibleByIds([id], orgIds);
    if (!item) throw notFound('Item');
    return toItemType(item);
  }

  /** Items by id in the given order, dropping any the viewer may not read. */
  async getMany(viewer: Viewer | null, ids: string[]): Promise<ItemType[]> {
    const orgIds = await this.access.readableOrganisationIds(viewer);
    const rows = new Map((await this.items.findVisibleByIds(ids, orgIds)).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = rows.get(id);
      return r ? [toItemType(r)] : [];
    });
  }

  /** The captured parent, from the same organisation's archive (so no cross-organisation link can leak). */
  async parentOf(item: ItemType): Promise<ItemType | null> {
    if (!item.inReplyToPlatformId) return null;
    const parent = await this.items.findInOrganisationByPlatformId(item.organisationId, item.platform, item.inReplyToPlatformId);
    return parent ? toItemType(parent) : null;
  }

  async repliesOf(item: ItemType): Promise<ItemType[]> {
    return (await this.items.repliesTo(item)).map(toItemType);
  }
}
