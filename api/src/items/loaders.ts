import type { AccountEntity, ActorEntity, ItemVersionEntity, OrganisationEntity } from '@bewaard/schema';
import DataLoader from 'dataloader';
import type { ItemRepository } from './item.repository.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/**
 * Per-request batching of the lookups a page of items needs (no N+1). Loaders do no access
 * checks: they are only reached from items the service already scoped.
 */
export function createItemLoaders(repo: ItemRepository) {
  return {
    organisation: new DataLoader<string, OrganisationEntity | null>(async (ids) => byId(await repo.organisations(ids), ids)),
    actor: new DataLoader<string, ActorEntity | null>(async (ids) => byId(await repo.actors(ids), ids)),
    account: new DataLoader<string, AccountEntity | null>(async (ids) => byId(await repo.accounts(ids), ids)),
    versions: new DataLoader<string, ItemVersionEntity[]>(async (ids) => {
      const map = await repo.versionsOf(ids);
      return ids.map((id) => map.get(id) ?? []);
    }),
  };
}

export type ItemLoaders = ReturnType<typeof createItemLoaders>;
