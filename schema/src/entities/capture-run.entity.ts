import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaptureRunStatus } from '../domain/enums.js';
import { EnumColumn, ShortTextColumn, TimestampColumn } from './columns.js';

export interface CaptureCounts {
  read: number;
  newItems: number;
  newVersions: number;
  deleted: number;
  unchanged: number;
  quarantined: number;
}

/** One import or harvest: what was read, from where, with what result. */
@Entity('capture_run')
export class CaptureRunEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `import`, `harvest`, `demo`. */
  @ShortTextColumn(32)
  source!: string;

  /** Detected or given input format, e.g. `twarc2`. */
  @ShortTextColumn(64)
  format!: string;

  /** The file, folder or URL read. */
  @Column({ type: 'text' })
  input!: string;

  @TimestampColumn()
  startedAt!: Date;

  @TimestampColumn({ nullable: true })
  finishedAt!: Date | null;

  @EnumColumn()
  status!: CaptureRunStatus;

  @Column({ type: 'json' })
  counts!: CaptureCounts;

  /** Free-form error text when the run failed. */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Where a resumed run continues (source-specific). */
  @Column({ type: 'text', nullable: true })
  cursor!: string | null;
}
