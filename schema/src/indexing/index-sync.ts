import type { DataSource } from 'typeorm';
import { ItemEntity } from '../entities/item.entity.js';
import { OutboxEntity } from '../entities/outbox.entity.js';
import type { SearchIndex } from '../search/search-index.js';
import { loadSearchDocuments } from './search-documents.js';

export interface IndexLag {
  /** Outbox rows not yet applied to the search index. */
  pending: number;
  /** Age of the oldest pending change, ms; null when nothing is pending. */
  oldestPendingMs: number | null;
}

/**
 * Keeps a SearchIndex in step with the database through the outbox. A row is removed only after
 * the engine accepted the change, so a crash or an unreachable engine loses nothing: the next
 * drain picks the rows up again (upserts are idempotent).
 */
export class IndexSync {
  constructor(
    private readonly ds: DataSource,
    private readonly index: SearchIndex,
  ) {}

  /** Applies up to `batchSize` outbox rows; returns how many rows were consumed. */
  async drainOnce(batchSize = 500): Promise<number> {
    const rows = await this.ds
      .getRepository(OutboxEntity)
      .createQueryBuilder('o')
      .orderBy('o.seq', 'ASC')
      .limit(batchSize)
      .getMany();
    if (rows.length === 0) return 0;
    const itemIds = [...new Set(rows.map((r) => r.itemId))];
    try {
      const docs = await loadSearchDocuments(this.ds, itemIds);
      const found = new Set(docs.map((d) => d.id));
      await this.index.upsert(docs);
      const gone = itemIds.filter((id) => !found.has(id));
      if (gone.length > 0) await this.index.remove(gone);
    } catch (err) {
      await this.ds
        .getRepository(OutboxEntity)
        .createQueryBuilder()
        .update()
        .set({ attempts: () => 'attempts + 1' })
        .whereInIds(rows.map((r) => r.seq))
        .execute();
      throw err;
    }
    // Delete by sequence number: a change written while we indexed has a new row and stays.
    const seqs = rows.map((r) => r.seq);
    for (let i = 0; i < seqs.length; i += 500) {
      await this.ds.getRepository(OutboxEntity).delete(seqs.slice(i, i + 500));
    }
    return rows.length;
  }

  /** Drains until the outbox is empty. */
  async drainAll(batchSize = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.drainOnce(batchSize);
      total += n;
      if (n === 0) return total;
    }
  }

  /**
   * Rebuilds an index that holds nothing while the archive holds items: the index file was deleted,
   * or the engine replaced a file of an older layout. Returns how many items were indexed.
   */
  async rebuildIfEmpty(onProgress?: (done: number) => void): Promise<number> {
    if ((await this.index.count()) > 0) return 0;
    if ((await this.ds.getRepository(ItemEntity).count()) === 0) return 0;
    return this.reindex(onProgress);
  }

  /**
   * Runs until `signal` aborts: first rebuilds an empty index of a non-empty archive, then drains, and polls every `idleMs` when idle. Engine errors are
   * reported through `onError` and retried with backoff; ingest is never blocked by them.
   */
  async run(signal: AbortSignal, opts: { idleMs?: number; onError?: (err: unknown) => void; onDrained?: (n: number) => void } = {}): Promise<void> {
    const idleMs = opts.idleMs ?? 500;
    let backoff = idleMs;
    let built = false;
    while (!signal.aborted) {
      try {
        if (!built) {
          const rebuilt = await this.rebuildIfEmpty();
          if (rebuilt > 0) opts.onDrained?.(rebuilt);
          built = true;
        }
        const n = await this.drainOnce();
        if (n > 0) {
          opts.onDrained?.(n);
          backoff = idleMs;
          continue;
        }
        await sleep(idleMs, signal);
      } catch (err) {
        opts.onError?.(err);
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, 30_000);
      }
    }
  }

  /** Rebuilds the index from the database: clears it, then indexes every item. */
  async reindex(onProgress?: (done: number) => void, pageSize = 1000): Promise<number> {
    await this.index.clear();
    let done = 0;
    let after = '';
    for (;;) {
      const page = await this.ds
        .getRepository(ItemEntity)
        .createQueryBuilder('i')
        .select('i.id', 'id')
        .where('i.id > :after', { after })
        .orderBy('i.id', 'ASC')
        .limit(pageSize)
        .getRawMany<{ id: string }>();
      if (page.length === 0) return done;
      await this.index.upsert(await loadSearchDocuments(this.ds, page.map((p) => p.id)));
      done += page.length;
      after = page[page.length - 1]!.id;
      onProgress?.(done);
    }
  }

  async lag(): Promise<IndexLag> {
    const repo = this.ds.getRepository(OutboxEntity);
    const pending = await repo.count();
    if (pending === 0) return { pending, oldestPendingMs: null };
    const oldest = await repo.createQueryBuilder('o').orderBy('o.seq', 'ASC').limit(1).getOne();
    return { pending, oldestPendingMs: oldest ? Date.now() - oldest.createdAt.getTime() : null };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
