import type { EntityManager } from 'typeorm';
import type { Platform } from '../domain/enums.js';
import type { NormalisedActor } from '../domain/normalised-item.js';
import { AccountEntity } from '../entities/account.entity.js';
import { newId } from '../util/ids.js';
import { ACTOR_TABLE, type ActorRow } from './archive-tables.js';
import type { BatchStore } from './batch-store.js';

const key = (platform: string, id: string) => `${platform}\u0000${id}`;

/**
 * Finds or creates the Actor for each author, and links actors that are our own accounts.
 * Keeps a cache of committed actors across batches; ids created inside a transaction join the
 * cache only after it commits (`commit`), so a rolled-back batch leaves no phantom ids.
 */
export class ActorResolver {
  private readonly committed = new Map<string, { id: string; accountId: string | null }>();
  private pending = new Map<string, { id: string; accountId: string | null }>();
  private accounts: Map<string, string> | null = null;

  invalidateAccounts(): void {
    this.accounts = null;
  }

  private async accountIndex(m: EntityManager): Promise<Map<string, string>> {
    if (!this.accounts) {
      const rows = await m.getRepository(AccountEntity).find({ select: { id: true, platform: true, platformAccountId: true } });
      this.accounts = new Map(rows.map((a) => [key(a.platform, a.platformAccountId), a.id]));
    }
    return this.accounts;
  }

  /** Resolves the authors of the batch's items; returns platform+actor key → actor. */
  async resolve(
    m: EntityManager,
    store: BatchStore,
    items: ReadonlyArray<{ platform: Platform; author: NormalisedActor }>,
    now: Date,
  ): Promise<(platform: Platform, platformActorId: string) => { id: string; accountId: string | null }> {
    const accounts = await this.accountIndex(m);
    const missing = new Map<string, { platform: Platform; author: NormalisedActor }>();
    for (const a of items) {
      const k = key(a.platform, a.author.platformActorId);
      if (!this.committed.has(k) && !this.pending.has(k)) missing.set(k, a);
    }
    const byPlatform = new Map<Platform, string[]>();
    for (const a of missing.values()) {
      let ids = byPlatform.get(a.platform);
      if (!ids) byPlatform.set(a.platform, (ids = []));
      ids.push(a.author.platformActorId);
    }
    for (const [platform, ids] of byPlatform) {
      const rows = await store.selectIn<{ id: string; platformActorId: string; accountId: string | null }>(
        'SELECT id, platformActorId, accountId FROM actor WHERE platform = ? AND platformActorId IN $LIST',
        [platform],
        ids,
      );
      for (const r of rows) {
        const k = key(platform, r.platformActorId);
        this.committed.set(k, { id: r.id, accountId: r.accountId });
        missing.delete(k);
      }
    }
    const inserts: ActorRow[] = [];
    for (const [k, a] of missing) {
      const accountId = accounts.get(k) ?? null;
      const row: ActorRow = {
        id: newId(),
        platform: a.platform,
        platformActorId: a.author.platformActorId,
        handle: a.author.handle,
        displayName: a.author.displayName,
        accountId,
        createdAt: now,
      };
      inserts.push(row);
      this.pending.set(k, { id: row.id, accountId });
    }
    await store.insert(ACTOR_TABLE, inserts);
    return (platform, platformActorId) => {
      const k = key(platform, platformActorId);
      const found = this.committed.get(k) ?? this.pending.get(k);
      if (!found) throw new Error(`actor ${k} was not resolved`);
      return found;
    };
  }

  commit(): void {
    for (const [k, v] of this.pending) this.committed.set(k, v);
    this.pending = new Map();
  }

  rollback(): void {
    this.pending = new Map();
  }
}
