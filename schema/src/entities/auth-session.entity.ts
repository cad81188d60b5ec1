import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { IdColumn, ShortTextColumn, TimestampColumn } from './columns.js';
import { UserEntity } from './user.entity.js';

/** A login session or personal API token. Only the SHA-256 of the bearer token is stored. */
@Entity('auth_session')
@Index('ix_session_user', ['userId'])
export class AuthSessionEntity {
  /** SHA-256 (hex) of the bearer token. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @IdColumn()
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<UserEntity>;

  @ShortTextColumn(16)
  kind!: 'session' | 'api_token';

  @ShortTextColumn(255, { nullable: true })
  label!: string | null;

  @TimestampColumn()
  createdAt!: Date;

  @TimestampColumn()
  expiresAt!: Date;

  @TimestampColumn({ nullable: true })
  revokedAt!: Date | null;

  @TimestampColumn({ nullable: true })
  lastUsedAt!: Date | null;
}
