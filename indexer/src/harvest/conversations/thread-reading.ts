import type { CaptureCounts } from '@bewaard/schema';
import type { ArchiveContext } from '../../pipeline/archive-context.js';
import type { Source } from '../../sources/index.js';
import type { ConversationReader, PageThreads, ReportedReplies, ThreadPage, ThreadRef } from '../connectors/conversation-reader.js';
import type { Clock } from '../http/clock.js';
import { HttpError, type FetchedPage, type HttpClient } from '../http/http-client.js';
import { writePage } from '../page-writer.js';
import type { ArchivedReplies } from './archived-replies.js';
import type { ConversationMemory } from './conversation-memory.js';
import { emptyConversationReport, type ConversationReport } from './conversation-report.js';

export interface ThreadReadingDeps {
  ctx: ArchiveContext;
  reader: ConversationReader;
  source: Source;
  http: HttpClient;
  archive: ArchivedReplies;
  memory: ConversationMemory;
  target: { organisationId: string; runId: string; ownActorId: string };
  counts: CaptureCounts;
  clock: Clock;
}

/**
 * Reads the conversations of one account's harvest run. A thread is read when the page shows its
 * list goes on, when it is a reply the archive does not hold yet, or when the platform's reply
 * count differs from the archive's (unless an earlier complete read already ended at that count:
 * some replies the API never shows). Whether it is needed is asked right before reading, so a
 * conversation stored through another post's thread costs no second request.
 *
 * A thread that cannot be read is recorded as a failure (reported, retried next run) and the run
 * goes on; only a rate limit that outlasts the retries stops it, keeping its position. Every
 * response is written as one batch, so reading a thread again stores nothing new.
 */
export class ThreadReading {
  private readonly report: ConversationReport = emptyConversationReport();

  constructor(private readonly deps: ThreadReadingDeps) {}

  threadsOn(page: FetchedPage, apiAccountId: string): PageThreads {
    return this.deps.reader.threadsOn(page, apiAccountId, this.deps.clock.now());
  }

  /** The failures of earlier runs, read again before anything else; a success clears them. */
  async retryFailures(progress: () => Promise<void>): Promise<void> {
    for (const failure of this.deps.memory.failures()) {
      await this.readTree(failure.thread);
      await progress();
    }
  }

  /**
   * The threads of one timeline page. `done` holds the keys already read (by an interrupted run,
   * or just now), and `progress` stores it, so a resumed page starts after them. Several posts may
   * share a key (X reads a whole conversation for each of its posts): a thread read for one is not
   * read again for the next, but one not needed for a post is still asked about for the others.
   */
  async readThreads(threads: ThreadRef[], done: Set<string>, progress: () => Promise<void>): Promise<void> {
    for (const thread of threads) {
      if (done.has(thread.key) || !(await this.needsReading(thread))) continue;
      await this.readTree(thread);
      done.add(thread.key);
      await progress();
    }
  }

  /** Adds a written page's reported reply counts, and what the archive now holds of them, to the report. */
  async count(reported: ReportedReplies[]): Promise<void> {
    for (const scope of ['direct', 'conversation'] as const) {
      const posts = reported.filter((r) => r.scope === scope);
      if (posts.length === 0) continue;
      const archived = await this.deps.archive.count(posts.map((p) => p.itemId), scope);
      for (const post of posts) {
        this.report.postsCounted++;
        this.report.repliesReported += post.count;
        this.report.repliesArchived += archived.get(post.itemId) ?? 0;
      }
    }
  }

  /** The report with the failures still outstanding after the run. */
  finalReport(): ConversationReport {
    return { ...this.report, failures: this.deps.memory.failures(), failuresNotKept: this.deps.memory.failuresNotKept };
  }

  private async needsReading(thread: ThreadRef): Promise<boolean> {
    const { archive, memory } = this.deps;
    if (thread.cut) return true;
    if (thread.whenUnseen && !(await archive.holds(thread.itemId))) return true;
    if (thread.replies === undefined) return false;
    if ((await archive.directReplies(thread.itemId)) === thread.replies) {
      memory.settle(thread.itemId, null);
      return false;
    }
    return memory.settledAt(thread.itemId) !== thread.replies;
  }

  /** The thread page by page, each page's cut-short threads right after it. */
  private async readTree(thread: ThreadRef): Promise<void> {
    const { ctx, reader, source, http, memory, target, counts, clock } = this.deps;
    const positions = new Set<string>();
    let position: string | null = null;
    do {
      let page: ThreadPage;
      try {
        page = await reader.readThread(http, thread, position);
        if (page.next !== null && positions.has(page.next)) throw new Error(`paging of ${page.page.url} does not advance (cursor ${page.next} again)`);
      } catch (err) {
        if (err instanceof HttpError && err.status === 429) throw err;
        memory.fail(thread, err instanceof HttpError ? err.url : null, failureMessage(err), new Date(clock.now()));
        return;
      }
      await writePage(ctx, source, page.page, { ...target, capturedAt: new Date(clock.now()) }, counts);
      this.report.threadPages++;
      for (const more of page.more) if (await this.needsReading(more)) await this.readTree(more);
      position = page.next;
      if (position !== null) positions.add(position);
    } while (position !== null);
    this.report.threadsRead++;
    memory.succeeded(thread.key);
    if (thread.replies !== undefined) {
      const archived = await this.deps.archive.directReplies(thread.itemId);
      memory.settle(thread.itemId, archived === thread.replies ? null : thread.replies);
    }
  }
}

/**
 * What a failed read is recorded with. The URL is kept beside it, so it is left out of the message:
 * with their field lists X's and Meta's URLs are longer than the message kept, which would lose
 * the status. The response body says why (X: an app whose access tier lacks search).
 */
function failureMessage(err: unknown): string {
  if (!(err instanceof HttpError)) return (err as Error).message;
  const message = err.message.startsWith(`${err.url}: `) ? err.message.slice(err.url.length + 2) : err.message;
  const body = err.body.replace(/\s+/g, ' ').trim();
  return body === '' ? message : `${message}: ${body}`;
}
