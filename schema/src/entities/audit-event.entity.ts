import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';

/**
 * One entry of the append-only audit trail (who read or changed what, when, from where).
 * Rows form a hash chain: `hash` = SHA-256 over the row's canonical form including `prevHash`,
 * so an edited or deleted row breaks the chain. `seq` is assigned by the writer (not
 * auto-incremented) and `prevHash` is unique, so two writers that raced for the same place in
 * the chain cannot both commit: the database refuses the fork.
 */
@Entity('audit_event')
@Index('uq_audit_prev_hash', ['prevHash'], { unique: true })
@Index('ix_audit_user', ['userId', 'seq'])
@Index('ix_audit_at', ['at'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @TimestampColumn()
  at!: Date;

  /** No foreign key: the trail must outlive the users it mentions. */
  @IdColumn({ nullable: true })
  userId!: string | null;

  /** e.g. `search`, `item.view`, `grant.add`. */
  @ShortTextColumn(64)
  action!: string;

  /** What was acted on (an item or user id), when there is one thing. */
  @ShortTextColumn(255, { nullable: true })
  subject!: string | null;

  /** Canonical JSON of the action's parameters (query, filters, role, …). */
  @Column({ type: 'text' })
  details!: string;

  @ShortTextColumn(64, { nullable: true })
  ip!: string | null;

  @ShortTextColumn(255, { nullable: true })
  userAgent!: string | null;

  @ShortTextColumn(64, { nullable: true })
  requestId!: string | null;

  @ShortTextColumn(64)
  prevHash!: string;

  @ShortTextColumn(64)
  hash!: string;
}
