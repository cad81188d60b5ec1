import { HarvestStateEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import { parseStoredConversations, type StoredConversations } from './conversations/conversation-memory.js';

/**
 * Where an account's timeline harvest stands. `since` is the newest marker of the last complete
 * run; `pending` is an unfinished pagination, kept so a crashed or failed run resumes after the
 * last committed page instead of starting over (or, worse, skipping the pages in between).
 */
export interface HarvestCursor {
  since: string | null;
  pending: PendingPagination | null;
  /** Conversation reads to remember between runs; absent when there are none. */
  conversations?: StoredConversations;
}

export interface PendingPagination {
  /** Position of the next page not yet committed (null: the first page, whose conversations were being read). */
  next: string | null;
  /**
   * Threads of that page already read: a page's conversations are read before the page is
   * written, so an interrupted page is fetched again and its reading resumes after these.
   */
  threadsDone?: string[];
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
    const pending = v.pending && (typeof v.pending.next === 'string' || v.pending.next === null) ? v.pending : null;
    const cursor: HarvestCursor = { since: typeof v.since === 'string' ? v.since : null, pending };
    const conversations = parseStoredConversations(v.conversations);
    if (conversations) cursor.conversations = conversations;
    return cursor;
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
