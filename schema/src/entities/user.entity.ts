import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ShortTextColumn, TimestampColumn } from './columns.js';

@Entity('app_user')
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Stored lower-cased. */
  @ShortTextColumn(255, { unique: true })
  email!: string;

  @ShortTextColumn(255)
  displayName!: string;

  /** argon2id PHC string. */
  @ShortTextColumn(255)
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ type: 'integer', default: 0 })
  failedLogins!: number;

  @TimestampColumn({ nullable: true })
  lockedUntil!: Date | null;

  @TimestampColumn()
  createdAt!: Date;
}
