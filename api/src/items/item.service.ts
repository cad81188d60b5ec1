import type { ItemEntity } from '@bewaard/schema';
import type { AccessService } from '../access/access.service.js';
import { AuditAction, type AuditService } from '../audit/audit.service.js';
import type { Viewer } from '../auth/viewer.js';
import type { RequestContext } from '../context.js';
import { notFound } from '../errors/app-error.js';
import type { ItemRepository } from './item.repository.js';
import type { ItemLoaders } from './loaders.js';
import { ItemType } from './item.types.js';

/**
 * An ItemType instance, not a plain object: type-graphql hands each field resolver its root as an
 * instance of the resolver's type and copies any other object into a new one first, which was
 * six copies per item on a search page.
 */
export function toItemType(e: ItemEntity): ItemType {
  return Object.assign(new ItemType(), {
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
  });
}

/** Items and their thread links, only ever within organisations the viewer may read. */
export class ItemService {
  constructor(
    private readonly access: AccessService,
    private readonly items: ItemRepository,
    private readonly audit: AuditService,
  ) {}

  /** The item, or NOT_FOUND — also when it exists in an organisation the viewer may not read. */
  async get(viewer: Viewer | null, id: string): Promise<ItemType> {
    const orgIds = await this.access.readableOrganisationIds(viewer);
    const [item] = await this.items.findVisibleByIds([id], orgIds);
    if (!item) throw notFound('Item');
    return toItemType(item);
  }

  /** `get` for a person looking at the item: recorded in the audit trail before it is shown. */
  async view(ctx: RequestContext, id: string): Promise<ItemType> {
    const item = await this.get(ctx.viewer, id);
    await this.audit.record(ctx, {
      action: AuditAction.ITEM_VIEW,
      subject: item.id,
      organisationIds: [item.organisationId],
    });
    return item;
  }

  /**
   * Items by id in the given order, dropping any outside the viewer's readable organisations as
   * the access service gave them to the caller in this request (a search decides that scope once).
   */
  async getManyWithin(readableOrganisationIds: readonly string[], ids: string[]): Promise<ItemType[]> {
    const rows = new Map(
      (await this.items.findVisibleByIds(ids, readableOrganisationIds)).map((r) => [r.id, r]),
    );
    return ids.flatMap((id) => {
      const r = rows.get(id);
      return r ? [toItemType(r)] : [];
    });
  }

  /** The captured parent, from the same organisation's archive (so no cross-organisation link can leak). */
  async parentOf(loaders: ItemLoaders, item: ItemType): Promise<ItemType | null> {
    if (!item.inReplyToPlatformId) return null;
    const parent = await loaders.itemByThreadKey.load({
      organisationId: item.organisationId,
      platform: item.platform,
      platformItemId: item.inReplyToPlatformId,
    });
    return parent ? toItemType(parent) : null;
  }

  /** Direct replies from the same organisation's archive. */
  async repliesOf(loaders: ItemLoaders, item: ItemType): Promise<ItemType[]> {
    const replies = await loaders.repliesTo.load({
      organisationId: item.organisationId,
      platform: item.platform,
      platformItemId: item.platformItemId,
    });
    return replies.map(toItemType);
  }
}
