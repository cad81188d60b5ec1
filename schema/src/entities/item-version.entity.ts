import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { NormalisedContent } from '../domain/normalised-item.js';
import { CaptureRunEntity } from './capture-run.entity.js';
import { IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';
import { ItemEntity } from './item.entity.js';

/** Content of the captured payload, kept verbatim as evidence. */
export interface RawPayload {
  format: string;
  body: string;
}

/** Normalised content as stored (media bytes replaced by references). */
export type StoredContent = Omit<NormalisedContent, 'media'> & {
  media: Array<{ sha256: string | null; originalUrl: string | null; mimeType: string | null; altText: string | null }>;
};

/**
 * One immutable version of an item. Never updated, never deleted by an import. A new capture
 * whose content hash differs from every stored version becomes a new version.
 */
@Entity('item_version')
@Index('uq_version_item_no', ['itemId', 'versionNo'], { unique: true })
export class ItemVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  itemId!: string;

  @ManyToOne(() => ItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'itemId' })
  item?: Relation<ItemEntity>;

  /** 1, 2, 3 … in the order versions were stored. */
  @Column({ type: 'integer' })
  versionNo!: number;

  /** Position in the platform's edit chain when the platform states it (0 = original). */
  @Column({ type: 'integer', nullable: true })
  editPosition!: number | null;

  @ShortTextColumn(255, { nullable: true })
  platformVersionId!: string | null;

  @TimestampColumn({ nullable: true })
  platformEditedAt!: Date | null;

  /** SHA-256 (hex) of the canonical JSON of `content`. */
  @ShortTextColumn(64)
  contentHash!: string;

  /** Plain text of the version, for display and search. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'json' })
  content!: StoredContent;

  @Column({ type: 'json' })
  raw!: RawPayload;

  @TimestampColumn()
  capturedAt!: Date;

  @IdColumn({ nullable: true })
  captureRunId!: string | null;

  @ManyToOne(() => CaptureRunEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'captureRunId' })
  captureRun?: Relation<CaptureRunEntity> | null;
}
