import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { TimestampColumn } from './columns.js';

/**
 * Where the live harvest of one account stands. One row per harvested account; credentials are
 * deliberately NOT kept here (they come from a file outside the database).
 */
@Entity('harvest_state')
export class HarvestStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<AccountEntity>;

  /** Connector-specific JSON (e.g. newest seen id, an unfinished pagination position). */
  @Column({ type: 'text', nullable: true })
  cursor!: string | null;

  @TimestampColumn({ nullable: true })
  lastRunAt!: Date | null;

  @TimestampColumn({ nullable: true })
  lastSuccessAt!: Date | null;

  /** The last completed full sync: the only runs that may conclude deletions by disappearance. */
  @TimestampColumn({ nullable: true })
  lastFullSyncAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** What the platform last said exists (e.g. statuses_count); null when it does not say. */
  @Column({ type: 'integer', nullable: true })
  platformCount!: number | null;

  /** Items of this account in the archive after the last run. */
  @Column({ type: 'integer', default: 0 })
  capturedCount!: number;
}
