import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Platform } from '../domain/enums.js';
import { AccountEntity } from './account.entity.js';
import { EnumColumn, IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';

/** Anyone who authored an archived item: one of our accounts or, far more often, a citizen. */
@Entity('actor')
@Index('uq_actor_platform_id', ['platform', 'platformActorId'], { unique: true })
export class ActorEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @EnumColumn()
  platform!: Platform;

  @ShortTextColumn(255)
  platformActorId!: string;

  @ShortTextColumn(255, { nullable: true })
  handle!: string | null;

  @ShortTextColumn(255, { nullable: true })
  displayName!: string | null;

  /** Set when this actor is one of our organisations' accounts. */
  @IdColumn({ nullable: true })
  accountId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<AccountEntity> | null;

  @TimestampColumn()
  createdAt!: Date;
}
