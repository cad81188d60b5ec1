import type { ThreadFailure } from './conversation-memory.js';

/** The conversation part of an account's completeness report. */
export interface ConversationReport {
  /** Posts on this run's timeline pages whose replies the platform counts. */
  postsCounted: number;
  /** The replies the platform reports for them (Instagram: every comment, replies to comments included). */
  repliesReported: number;
  /** Replies to them the archive holds after the run (deleted ones left out, as the platforms do). */
  repliesArchived: number;
  /** Threads read this run (context, post thread, comment list), and the responses that took. */
  threadsRead: number;
  threadPages: number;
  /** Threads whose reading failed, this run or before and not yet made good: retried at the start of each run. */
  failures: ThreadFailure[];
  /** Failures beyond those kept in the harvest state. */
  failuresNotKept: number;
}

export const emptyConversationReport = (): ConversationReport => ({
  postsCounted: 0,
  repliesReported: 0,
  repliesArchived: 0,
  threadsRead: 0,
  threadPages: 0,
  failures: [],
  failuresNotKept: 0,
});
