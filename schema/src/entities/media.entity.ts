import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ShortTextColumn, TimestampColumn } from './columns.js';

/** A media file in the content-addressed store; one row per distinct SHA-256. */
@Entity('media')
export class MediaEntity {
  /** SHA-256 of the bytes, hex; also the file's path in the media store. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  sha256!: string;

  @ShortTextColumn(127, { nullable: true })
  mimeType!: string | null;

  @Column({ type: 'integer' })
  size!: number;

  @TimestampColumn()
  firstSeenAt!: Date;
}
