import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Role } from '../domain/enums.js';
import { EnumColumn, IdColumn, TimestampColumn } from './columns.js';
import { OrganisationEntity } from './organisation.entity.js';
import { UserEntity } from './user.entity.js';

/** A role for a user in one organisation; organisationId null only for the global `admin` role. */
@Entity('role_grant')
@Index('uq_grant_user_org_role', ['userId', 'organisationId', 'role'], { unique: true })
export class RoleGrantEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @IdColumn()
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user?: Relation<UserEntity>;

  @IdColumn({ nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Relation<OrganisationEntity> | null;

  @EnumColumn()
  role!: Role;

  @TimestampColumn()
  createdAt!: Date;
}
