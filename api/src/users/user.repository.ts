import { OrganisationEntity, RoleGrantEntity, UserEntity, newId, type Role } from '@bewaard/schema';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';

/** Users and their role grants, as stored (for administration). */
export class UserRepository {
  constructor(private readonly ds: DataSource) {}

  listUsers(limit: number): Promise<UserEntity[]> {
    return this.ds.getRepository(UserEntity).find({ order: { email: 'ASC' }, take: limit });
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOneBy({ id });
  }

  organisationExists(id: string): Promise<boolean> {
    return this.ds.getRepository(OrganisationEntity).existsBy({ id });
  }

  async grantsOf(userIds: readonly string[]): Promise<Map<string, RoleGrantEntity[]>> {
    const rows = userIds.length
      ? await this.ds
          .getRepository(RoleGrantEntity)
          .find({ where: { userId: In([...userIds]) }, order: { createdAt: 'ASC' } })
      : [];
    const byUser = new Map<string, RoleGrantEntity[]>();
    for (const r of rows) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
    return byUser;
  }

  findGrant(id: string): Promise<RoleGrantEntity | null> {
    return this.ds.getRepository(RoleGrantEntity).findOneBy({ id });
  }

  findSameGrant(userId: string, role: Role, organisationId: string | null): Promise<RoleGrantEntity | null> {
    return this.ds
      .getRepository(RoleGrantEntity)
      .findOneBy({ userId, role, organisationId: organisationId ?? IsNull() });
  }

  async insertGrant(
    m: EntityManager,
    grant: { userId: string; role: Role; organisationId: string | null },
  ): Promise<RoleGrantEntity> {
    const row = { id: newId(), ...grant, createdAt: new Date() };
    await m.getRepository(RoleGrantEntity).insert(row);
    return row;
  }

  async deleteGrant(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(RoleGrantEntity).delete({ id });
  }

  countAdminGrants(m: EntityManager): Promise<number> {
    return m.getRepository(RoleGrantEntity).countBy({ role: 'admin' });
  }
}
