import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaptureRunEntity } from './capture-run.entity.js';
import { IdColumn, TimestampColumn } from './columns.js';

/** A record that could not be imported, kept with where it was and why. */
@Entity('quarantine')
export class QuarantineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  captureRunId!: string;

  @ManyToOne(() => CaptureRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'captureRunId' })
  captureRun?: Relation<CaptureRunEntity>;

  @Column({ type: 'text' })
  file!: string;

  @Column({ type: 'integer', nullable: true })
  line!: number | null;

  /** Byte offset in the file; a double so multi-GB offsets fit on both drivers. */
  @Column({ type: 'double', nullable: true })
  byteOffset!: number | null;

  @Column({ type: 'text' })
  reason!: string;

  /** The start of the offending record, for a human to look at. */
  @Column({ type: 'text' })
  excerpt!: string;

  @TimestampColumn()
  createdAt!: Date;
}
