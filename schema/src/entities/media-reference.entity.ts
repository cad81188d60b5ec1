import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { MediaStatus } from '../domain/enums.js';
import { EnumColumn, IdColumn, ShortTextColumn } from './columns.js';
import { ItemVersionEntity } from './item-version.entity.js';
import { MediaEntity } from './media.entity.js';

/** A version's use of a media file, or the record that it could not be obtained and why. */
@Entity('media_reference')
@Index('uq_media_ref_version_pos', ['versionId', 'position'], { unique: true })
export class MediaReferenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  versionId!: string;

  @ManyToOne(() => ItemVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'versionId' })
  version?: Relation<ItemVersionEntity>;

  @Column({ type: 'integer' })
  position!: number;

  @ShortTextColumn(64, { nullable: true })
  sha256!: string | null;

  @ManyToOne(() => MediaEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'sha256' })
  media?: Relation<MediaEntity> | null;

  @ShortTextColumn(2048, { nullable: true })
  originalUrl!: string | null;

  @ShortTextColumn(127, { nullable: true })
  mimeType!: string | null;

  @Column({ type: 'text', nullable: true })
  altText!: string | null;

  @EnumColumn()
  status!: MediaStatus;

  @Column({ type: 'text', nullable: true })
  missingReason!: string | null;
}
