import type { DataSource } from 'typeorm';
import { CaptureRunStatus } from '../domain/enums.js';
import { CaptureRunEntity, type CaptureCounts } from '../entities/capture-run.entity.js';
import { QuarantineEntity } from '../entities/quarantine.entity.js';
import { newId } from '../util/ids.js';

export const emptyCounts = (): CaptureCounts => ({ read: 0, newItems: 0, newVersions: 0, deleted: 0, unchanged: 0, quarantined: 0 });

export interface QuarantineRecord {
  file: string;
  line: number | null;
  byteOffset: number | null;
  reason: string;
  excerpt: string;
}

/** Bookkeeping of imports and harvests, and the records they could not import. */
export class CaptureRuns {
  constructor(private readonly ds: DataSource) {}

  async start(source: string, format: string, input: string): Promise<CaptureRunEntity> {
    const row = Object.assign(new CaptureRunEntity(), {
      id: newId(),
      source,
      format,
      input,
      startedAt: new Date(),
      finishedAt: null,
      status: CaptureRunStatus.RUNNING,
      counts: emptyCounts(),
      error: null,
      cursor: null,
    });
    await this.ds.getRepository(CaptureRunEntity).insert(row);
    return row;
  }

  async progress(id: string, counts: CaptureCounts, cursor: string | null): Promise<void> {
    await this.ds.getRepository(CaptureRunEntity).update(id, { counts, cursor });
  }

  async finish(id: string, counts: CaptureCounts, error: string | null = null): Promise<void> {
    await this.ds.getRepository(CaptureRunEntity).update(id, {
      counts,
      finishedAt: new Date(),
      status: error ? CaptureRunStatus.FAILED : CaptureRunStatus.COMPLETED,
      error,
    });
  }

  async quarantine(captureRunId: string, records: QuarantineRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map((r) =>
      Object.assign(new QuarantineEntity(), { id: newId(), captureRunId, createdAt: new Date(), ...r, excerpt: r.excerpt.slice(0, 2000) }),
    );
    await this.ds.getRepository(QuarantineEntity).insert(rows);
  }
}
