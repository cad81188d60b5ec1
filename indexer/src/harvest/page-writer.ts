import type { Capture, CaptureCounts, DeletionNotice, QuarantineRecord } from '@bewaard/schema';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import type { Source } from '../sources/index.js';

/** What one page contributed, beyond the counts: the ids seen, for deletion by disappearance. */
export interface PageSeen {
  itemIds: string[];
  /** Publication times of the account's own items on the page. */
  ownCreatedAt: Date[];
}

/**
 * Reads one fetched page with the platform's source and writes it as ONE batch (one transaction),
 * so the cursor stored afterwards never runs ahead of what is committed. Writing the same page
 * twice stores nothing new.
 */
export async function writePage(
  ctx: ArchiveContext,
  source: Source,
  page: { url: string; body: string },
  target: { organisationId: string; runId: string; ownActorId: string; capturedAt: Date },
  counts: CaptureCounts,
): Promise<PageSeen> {
  if (!source.readContent) throw new Error(`${source.format} cannot read fetched pages`);
  const captures: Capture[] = [];
  const deletions: DeletionNotice[] = [];
  const quarantined: QuarantineRecord[] = [];
  const seen: PageSeen = { itemIds: [], ownCreatedAt: [] };
  for await (const rec of source.readContent(page.url, page.body)) {
    if (rec.kind === 'quarantine') {
      counts.quarantined++;
      quarantined.push({ file: rec.location.file, line: rec.location.line, byteOffset: rec.location.offset, reason: rec.reason, excerpt: rec.excerpt });
      continue;
    }
    counts.read++;
    if (rec.kind === 'deletion') {
      deletions.push(rec.notice);
      continue;
    }
    captures.push({ item: rec.item, capturedAt: target.capturedAt });
    seen.itemIds.push(rec.item.platformItemId);
    if (rec.item.author.platformActorId === target.ownActorId) seen.ownCreatedAt.push(rec.item.createdAt);
  }
  if (captures.length + deletions.length > 0) {
    const r = await ctx.writer.write(target.organisationId, captures, deletions, target.runId);
    counts.newItems += r.newItems;
    counts.newVersions += r.newVersions;
    counts.unchanged += r.unchanged;
    counts.deleted += r.deleted;
  }
  await ctx.runs.quarantine(target.runId, quarantined);
  return seen;
}
