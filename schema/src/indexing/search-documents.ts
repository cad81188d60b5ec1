import type { DataSource } from 'typeorm';
import { orderVersions } from '../archive/version-order.js';
import { ActorEntity } from '../entities/actor.entity.js';
import { ItemVersionEntity } from '../entities/item-version.entity.js';
import { ItemEntity } from '../entities/item.entity.js';
import type { SearchDocument } from '../search/search-index.js';

const CHUNK = 400;

/** Builds the search documents of the given items from the database (the source of truth). */
export async function loadSearchDocuments(ds: DataSource, itemIds: string[]): Promise<SearchDocument[]> {
  const docs: SearchDocument[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const ids = itemIds.slice(i, i + CHUNK);
    const items = await ds.getRepository(ItemEntity).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany();
    if (items.length === 0) continue;
    const versions = await ds
      .getRepository(ItemVersionEntity)
      .createQueryBuilder('v')
      .select(['v.itemId', 'v.versionNo', 'v.editPosition', 'v.text'])
      .where('v.itemId IN (:...ids)', { ids })
      .getMany();
    const authorIds = [...new Set(items.map((it) => it.authorId))];
    const authors = await ds
      .getRepository(ActorEntity)
      .createQueryBuilder('a')
      .select(['a.id', 'a.handle', 'a.displayName'])
      .where('a.id IN (:...authorIds)', { authorIds })
      .getMany();
    const authorById = new Map(authors.map((a) => [a.id, a]));
    const versionsByItem = new Map<string, ItemVersionEntity[]>();
    for (const v of versions) versionsByItem.set(v.itemId, [...(versionsByItem.get(v.itemId) ?? []), v]);
    for (const it of items) {
      const author = authorById.get(it.authorId);
      docs.push({
        id: it.id,
        organisationId: it.organisationId,
        platform: it.platform,
        kind: it.kind,
        status: it.status,
        accountId: it.accountId,
        authorId: it.authorId,
        authorHandle: author?.handle ?? null,
        authorName: author?.displayName ?? null,
        createdAt: it.createdAt.getTime(),
        conversationId: it.conversationPlatformId,
        language: it.language,
        hasMedia: it.hasMedia,
        versions: orderVersions(versionsByItem.get(it.id) ?? []).map((v) => ({ versionNo: v.versionNo, text: v.text })),
      });
    }
  }
  return docs;
}
