import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { AccountKind, Platform } from '../domain/enums.js';
import { EnumColumn, IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';
import { OrganisationEntity } from './organisation.entity.js';

/** A social-media account owned by one of our organisations (never a citizen's). */
@Entity('account')
@Index('uq_account_platform_id', ['platform', 'platformAccountId'], { unique: true })
export class AccountEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Relation<OrganisationEntity>;

  @EnumColumn()
  platform!: Platform;

  @ShortTextColumn(255)
  platformAccountId!: string;

  @ShortTextColumn(255)
  handle!: string;

  @ShortTextColumn(255)
  displayName!: string;

  @EnumColumn()
  kind!: AccountKind;

  /** Key official (sleutelfunctionaris): kept permanently whatever the selectielijst says. */
  @Column({ type: 'boolean', default: false })
  keyOfficial!: boolean;

  @TimestampColumn()
  createdAt!: Date;
}
