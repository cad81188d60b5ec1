import { Entity, PrimaryColumn } from 'typeorm';
import { ShortTextColumn, TimestampColumn } from './columns.js';

/** A government organisation: the archive creator (archiefvormer) whose accounts are archived. */
@Entity('organisation')
export class OrganisationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Short stable key, e.g. `org-a`; used in CLI commands and configuration. */
  @ShortTextColumn(64, { unique: true })
  slug!: string;

  @ShortTextColumn(255)
  name!: string;

  @TimestampColumn()
  createdAt!: Date;
}
