import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { CaptureRunEntity } from './capture-run.entity.js';
import { IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';
import { ItemEntity } from './item.entity.js';

/** Evidence that an item disappeared from the platform: when and how it was detected. */
@Entity('tombstone')
export class TombstoneEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  itemId!: string;

  @ManyToOne(() => ItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'itemId' })
  item?: Relation<ItemEntity>;

  @TimestampColumn()
  detectedAt!: Date;

  /** e.g. `x-archive:deleted-tweets`, `x-compliance`, `mastodon-api:delete`, `sync-missing`, `demo`. */
  @ShortTextColumn(64)
  method!: string;

  @TimestampColumn({ nullable: true })
  platformDeletedAt!: Date | null;

  @IdColumn({ nullable: true })
  captureRunId!: string | null;

  @ManyToOne(() => CaptureRunEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'captureRunId' })
  captureRun?: Relation<CaptureRunEntity> | null;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
