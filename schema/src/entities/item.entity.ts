import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { ItemKind, ItemStatus, Platform } from '../domain/enums.js';
import { AccountEntity } from './account.entity.js';
import { ActorEntity } from './actor.entity.js';
import { EnumColumn, IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';
import { OrganisationEntity } from './organisation.entity.js';

/**
 * One archived post, reply, comment, … in one organisation's archive. Its content lives in
 * immutable ItemVersions; this row holds identity, thread links and lifecycle.
 * Thread links are platform ids (resolved by lookup), so a reply captured before its parent still links.
 */
@Entity('item')
@Index('uq_item_org_platform_id', ['organisationId', 'platform', 'platformItemId'], { unique: true })
@Index('ix_item_org_conversation', ['organisationId', 'platform', 'conversationPlatformId'])
@Index('ix_item_org_reply_to', ['organisationId', 'platform', 'inReplyToPlatformId'])
@Index('ix_item_org_created', ['organisationId', 'createdAt'])
export class ItemEntity {
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
  platformItemId!: string;

  @EnumColumn()
  kind!: ItemKind;

  @IdColumn()
  authorId!: string;

  @ManyToOne(() => ActorEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author?: Relation<ActorEntity>;

  /** The owned account that authored this item; null when the author is not one of ours. */
  @IdColumn({ nullable: true })
  accountId!: string | null;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'accountId' })
  account?: Relation<AccountEntity> | null;

  @ShortTextColumn(255, { nullable: true })
  conversationPlatformId!: string | null;

  @ShortTextColumn(255, { nullable: true })
  inReplyToPlatformId!: string | null;

  @ShortTextColumn(255, { nullable: true })
  quotedPlatformId!: string | null;

  @ShortTextColumn(255, { nullable: true })
  repostOfPlatformId!: string | null;

  @ShortTextColumn(2048, { nullable: true })
  url!: string | null;

  /** Publication time on the platform. */
  @TimestampColumn()
  createdAt!: Date;

  @EnumColumn()
  status!: ItemStatus;

  @TimestampColumn()
  firstSeenAt!: Date;

  @TimestampColumn()
  lastSeenAt!: Date;

  /** When the deletion was detected (details in Tombstone). */
  @TimestampColumn({ nullable: true })
  deletedAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  versionCount!: number;

  @Column({ type: 'boolean', default: false })
  hasMedia!: boolean;

  @ShortTextColumn(16, { nullable: true })
  language!: string | null;
}
