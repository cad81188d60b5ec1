import type { ThreadRef } from '../connectors/conversation-reader.js';

/** A thread whose reading failed: listed in every report and read again at the start of each run until it succeeds. */
export interface ThreadFailure {
  thread: Omit<ThreadRef, 'post'>;
  /** The request that failed, when it got that far. */
  url: string | null;
  error: string;
  /** When it last failed (ISO). */
  at: string;
  attempts: number;
}

/** What the harvest remembers of conversations between runs; part of the account's cursor. */
export interface StoredConversations {
  /**
   * Threads read completely whose archive still differs from the platform's count (replies the
   * API does not show: followers-only, blocked, deleted): [itemId, count]. Such a thread is read
   * again only when its count changes, not on every run.
   */
  settled: Array<[string, number]>;
  failed: ThreadFailure[];
  /** Failures dropped from `failed` (the oldest first); their posts' counts bring them back on a --full run. */
  failedNotKept: number;
}

// The cursor is a TEXT column (64 KiB on MariaDB): both lists are bounded. A settled entry
// dropped costs one more read of its thread; a failure dropped is counted, never forgotten silently.
const MAX_SETTLED = 500;
const MAX_FAILED = 100;
const MAX_ERROR_LENGTH = 300;

export class ConversationMemory {
  private readonly settled: Map<string, number>;
  private readonly failed: Map<string, ThreadFailure>;
  private notKept: number;

  constructor(stored: StoredConversations | undefined) {
    this.settled = new Map(stored?.settled ?? []);
    this.failed = new Map((stored?.failed ?? []).map((f) => [f.thread.key, f]));
    this.notKept = stored?.failedNotKept ?? 0;
  }

  settledAt(itemId: string): number | undefined {
    return this.settled.get(itemId);
  }

  /** Remembers the count a complete read ended at when the archive still differs from it; null forgets. */
  settle(itemId: string, count: number | null): void {
    this.settled.delete(itemId);
    if (count === null) return;
    this.settled.set(itemId, count);
    if (this.settled.size > MAX_SETTLED) this.settled.delete(this.settled.keys().next().value!);
  }

  fail(thread: ThreadRef, url: string | null, error: string, at: Date): void {
    const { post: _post, ...kept } = thread;
    const attempts = (this.failed.get(thread.key)?.attempts ?? 0) + 1;
    this.failed.delete(thread.key);
    const message = error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH)}…` : error;
    this.failed.set(thread.key, { thread: kept, url, error: message, at: at.toISOString(), attempts });
    if (this.failed.size > MAX_FAILED) {
      this.failed.delete(this.failed.keys().next().value!);
      this.notKept++;
    }
  }

  succeeded(key: string): void {
    this.failed.delete(key);
  }

  failures(): ThreadFailure[] {
    return [...this.failed.values()];
  }

  get failuresNotKept(): number {
    return this.notKept;
  }

  /** Undefined when there is nothing to remember, so cursors of accounts without conversations stay as they were. */
  toStored(): StoredConversations | undefined {
    if (this.settled.size + this.failed.size + this.notKept === 0) return undefined;
    return { settled: [...this.settled], failed: this.failures(), failedNotKept: this.notKept };
  }
}

export function parseStoredConversations(value: unknown): StoredConversations | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<StoredConversations>;
  const settled = Array.isArray(v.settled) ? v.settled.filter((e): e is [string, number] => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number') : [];
  const failed = Array.isArray(v.failed) ? v.failed.filter((f) => typeof f?.thread?.key === 'string' && typeof f.thread.itemId === 'string') : [];
  return { settled, failed, failedNotKept: typeof v.failedNotKept === 'number' ? v.failedNotKept : 0 };
}
