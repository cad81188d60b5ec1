import { HarvestStateEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';

/**
 * Where an account's timeline harvest stands. `since` is the newest marker of the last complete
 * run; `pending` is an unfinished pagination, kept so a crashed or failed run resumes after the
 * last committed page instead of starting over (or, worse, skipping the pages in between).
 */
export interface HarvestCursor {
  since: string | null;
  pending: PendingPagination | null;
}

export interface PendingPagination {
  /** Position of the next page not yet committed. */
  next: string;
  /** Newest marker seen on the run's first page: becomes `since` once the run completes. */
  newest: string | null;
  /** The `since` the interrupted run was using (null for a full sync). */
  since: string | null;
  full: boolean;
}

export const emptyCursor = (): HarvestCursor => ({ since: null, pending: null });

export function parseCursor(text: string | null): HarvestCursor {
  if (!text) return emptyCursor();
  try {
    const v = JSON.parse(text) as Partial<HarvestCursor>;
    return { since: typeof v.since === 'string' ? v.since : null, pending: v.pending && typeof v.pending.next === 'string' ? v.pending : null };
  } catch {
    // A cursor we cannot read costs one full pass, never data: start from the newest page.
    return emptyCursor();
  }
}

export class HarvestStates {
  constructor(private readonly ds: DataSource) {}

  async get(accountId: string): Promise<HarvestStateEntity> {
    const found = await this.ds.getRepository(HarvestStateEntity).findOneBy({ accountId });
    return (
      found ??
      Object.assign(new HarvestStateEntity(), {
        accountId,
        cursor: null,
        lastRunAt: null,
        lastSuccessAt: null,
        lastFullSyncAt: null,
        lastError: null,
        platformCount: null,
        capturedCount: 0,
      })
    );
  }

  async save(state: HarvestStateEntity): Promise<void> {
    await this.ds.getRepository(HarvestStateEntity).save(state);
  }
}
