import type {
  AccountEntity,
  ActorEntity,
  ItemEntity,
  ItemVersionEntity,
  OrganisationEntity,
  UserEntity,
} from '@bewaard/schema';
import DataLoader from 'dataloader';
import type { ItemRepository, ThreadKey } from './item.repository.js';

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): Array<T | null> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

const threadKey = (k: ThreadKey) => `${k.organisationId}\u0000${k.platform}\u0000${k.platformItemId}`;

/**
 * Per-request batching of the lookups a page of items needs (no N+1). Loaders do no access
 * checks: they are only reached from items the service already scoped, and thread links stay
 * inside the item's own organisation (the key holds it).
 */
export function createItemLoaders(repo: ItemRepository) {
  let accountHandles: Promise<Set<string>> | undefined;
  return {
    organisation: new DataLoader<string, OrganisationEntity | null>(async (ids) =>
      byId(await repo.organisations(ids), ids),
    ),
    actor: new DataLoader<string, ActorEntity | null>(async (ids) => byId(await repo.actors(ids), ids)),
    account: new DataLoader<string, AccountEntity | null>(async (ids) => byId(await repo.accounts(ids), ids)),
    user: new DataLoader<string, UserEntity | null>(async (ids) => byId(await repo.users(ids), ids)),
    versions: new DataLoader<string, ItemVersionEntity[]>(async (ids) => {
      const map = await repo.versionsOf(ids);
      return ids.map((id) => map.get(id) ?? []);
    }),
    /** The item with this platform id in that organisation's archive (a reply's parent). */
    itemByThreadKey: new DataLoader<ThreadKey, ItemEntity | null, string>(
      async (keys) => {
        const rows = new Map((await repo.findByThreadKeys(keys)).map((r) => [threadKey(r), r]));
        return keys.map((k) => rows.get(threadKey(k)) ?? null);
      },
      { cacheKeyFn: threadKey },
    ),
    /** Direct replies to the item with this key, oldest first. */
    repliesTo: new DataLoader<ThreadKey, ItemEntity[], string>(
      async (keys) => {
        const byParent = new Map<string, ItemEntity[]>();
        for (const r of await repo.repliesToMany(keys)) {
          const k = threadKey({
            organisationId: r.organisationId,
            platform: r.platform,
            platformItemId: r.inReplyToPlatformId ?? '',
          });
          byParent.set(k, [...(byParent.get(k) ?? []), r]);
        }
        return keys.map((k) => byParent.get(threadKey(k)) ?? []);
      },
      { cacheKeyFn: threadKey },
    ),
    /** `platform:handle` (lower case) of every organisation account; read once per request. */
    accountHandles(): Promise<Set<string>> {
      accountHandles ??= repo
        .accountHandles()
        .then(
          (rows) => new Set(rows.map((r) => `${r.platform}:${r.handle.replace(/^@/, '').toLowerCase()}`)),
        );
      return accountHandles;
    },
  };
}

export type ItemLoaders = ReturnType<typeof createItemLoaders>;
