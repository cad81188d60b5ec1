import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';

/**
 * Index outbox: written in the same transaction as the item change it announces, drained by the
 * index worker. A row is deleted only after the search engine accepted the change.
 */
@Entity('search_outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq!: number;

  @IdColumn()
  itemId!: string;

  /** `upsert` (re-read the item and index it) or `remove`. */
  @ShortTextColumn(16)
  op!: 'upsert' | 'remove';

  @TimestampColumn()
  createdAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;
}
