import { emptyCounts, startBackgroundCheckpoints, type BackgroundCheckpoints, type Capture, type CaptureCounts, type DeletionNotice, type QuarantineRecord } from '@bewaard/schema';
import { companionOf, detectSource, listInputFiles, SOURCES, type Source } from '../sources/index.js';
import type { ArchiveContext } from './archive-context.js';
import type { PipelineRecord } from './pipeline-record.js';
import { readRecordRuns } from './read-in-worker.js';

export interface ImportOptions {
  organisationId: string;
  /** Force a format instead of detecting it per file. */
  format?: string;
  batchSize?: number;
  onProgress?: (counts: CaptureCounts, file: string) => void;
}

export interface ImportSummary extends CaptureCounts {
  files: number;
  /** Per file: its capture run and counts, or why it could not be read at all. */
  perFile: Array<{
    file: string;
    format: string | null;
    runId: string | null;
    counts: CaptureCounts;
    error: string | null;
    /** Set when the file is read as part of another file's export (e.g. an archive's media). */
    readWith?: string;
  }>;
  /** Deletion notices for items not in the archive (e.g. compliance records for tweets never captured). */
  unknownDeletions: number;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

function sourceByName(format: string): Source {
  const s = SOURCES.find((x) => x.format === format);
  if (!s) throw new ImportError(`unknown format "${format}" (known: ${SOURCES.map((x) => x.format).join(', ')})`);
  return s;
}

/**
 * Imports a file or a folder (recursively). Each file is one capture run; records are written in
 * batches, each batch one transaction with its outbox rows. Unreadable records are quarantined
 * with file, line and reason, and the import goes on; a file in an unknown format is reported,
 * not skipped silently.
 */
export async function importPath(ctx: ArchiveContext, input: string, options: ImportOptions): Promise<ImportSummary> {
  const files = await listInputFiles(input);
  if (files.length === 0) throw new ImportError(`${input}: no files to import`);
  const forced = options.format ? sourceByName(options.format) : null;
  const summary: ImportSummary = { ...emptyCounts(), files: files.length, perFile: [], unknownDeletions: 0 };
  const all = new Set(files);
  const checkpoints = startBackgroundCheckpoints(ctx.ds);
  try {
    await importFiles(ctx, files, all, forced, options, summary, checkpoints);
  } finally {
    await checkpoints.stop();
  }
  return summary;
}

async function importFiles(
  ctx: ArchiveContext,
  files: string[],
  all: Set<string>,
  forced: Source | null,
  options: ImportOptions,
  summary: ImportSummary,
  checkpoints: BackgroundCheckpoints,
): Promise<void> {
  for (const file of files) {
    let source: Source;
    try {
      source = forced ?? (await detectSource(file));
    } catch (err) {
      const owner = companionOf(file, all);
      if (owner) {
        summary.perFile.push({ file, format: null, runId: null, counts: emptyCounts(), error: null, readWith: owner });
        continue;
      }
      summary.perFile.push({ file, format: null, runId: null, counts: emptyCounts(), error: (err as Error).message });
      continue;
    }
    const run = await ctx.runs.start('import', source.format, file);
    const counts = emptyCounts();
    try {
      summary.unknownDeletions += await importRecords(ctx, await readRecordRuns(source, file), run.id, counts, options, file, checkpoints);
      await ctx.runs.finish(run.id, counts);
      summary.perFile.push({ file, format: source.format, runId: run.id, counts, error: null });
    } catch (err) {
      await ctx.runs.finish(run.id, counts, (err as Error).message);
      throw err;
    }
    for (const k of Object.keys(counts) as Array<keyof CaptureCounts>) summary[k] += counts[k];
  }
}

async function importRecords(
  ctx: ArchiveContext,
  runs: AsyncIterable<readonly PipelineRecord[]>,
  runId: string,
  counts: CaptureCounts,
  options: ImportOptions,
  file: string,
  checkpoints: BackgroundCheckpoints,
): Promise<number> {
  // Larger batches mean fewer commits, each rewriting the index pages the batch touched.
  const batchSize = options.batchSize ?? 2000;
  const capturedAt = new Date();
  let captures: Capture[] = [];
  let deletions: DeletionNotice[] = [];
  let quarantined: QuarantineRecord[] = [];
  let unknown = 0;
  const flush = async () => {
    if (captures.length + deletions.length > 0) {
      const r = await ctx.writer.write(options.organisationId, captures, deletions, runId);
      counts.newItems += r.newItems;
      counts.newVersions += r.newVersions;
      counts.unchanged += r.unchanged;
      counts.deleted += r.deleted;
      unknown += r.unknownDeletions.length;
    }
    await ctx.runs.quarantine(runId, quarantined);
    captures = [];
    deletions = [];
    quarantined = [];
    await ctx.runs.progress(runId, counts, null);
    checkpoints.betweenBatches();
    options.onProgress?.(counts, file);
  };
  for await (const records of runs) {
    for (const rec of records) {
      if (rec.kind === 'quarantine') {
        counts.quarantined++;
        quarantined.push({ file: rec.location.file, line: rec.location.line, byteOffset: rec.location.offset, reason: rec.reason, excerpt: rec.excerpt });
      } else {
        counts.read++;
        if (rec.kind === 'item') captures.push({ item: rec.item, capturedAt });
        else deletions.push(rec.notice);
      }
      if (captures.length + deletions.length + quarantined.length >= batchSize) await flush();
    }
  }
  await flush();
  return unknown;
}
