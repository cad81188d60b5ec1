import type { DataSource } from 'typeorm';
import { ROLES, type Role, isOneOf } from '../domain/enums.js';
import { OrganisationEntity } from '../entities/organisation.entity.js';
import { RoleGrantEntity } from '../entities/role-grant.entity.js';
import { UserEntity } from '../entities/user.entity.js';
import { newId } from '../util/ids.js';
import { hashPassword } from './password.js';

export interface GrantSpec {
  role: Role;
  /** Organisation slug; omitted only for `admin`. */
  organisation?: string;
}

export class UserAdminError extends Error {
  override name = 'UserAdminError';
}

/** Parses `role` or `role@org-slug` (as given on the command line). */
export function parseGrant(spec: string): GrantSpec {
  const [role, organisation] = spec.split('@');
  if (!isOneOf(ROLES, role)) throw new UserAdminError(`unknown role "${role}" (expected one of ${ROLES.join(', ')})`);
  if (role !== 'admin' && !organisation) throw new UserAdminError(`role "${role}" needs an organisation: ${role}@<organisation-slug>`);
  return { role, organisation };
}

/** Creates a user, or updates the password, name and grants of an existing one (by email). */
export async function upsertUser(
  ds: DataSource,
  input: { email: string; displayName: string; password: string; grants: GrantSpec[] },
): Promise<UserEntity> {
  if (input.password.length < 12) throw new UserAdminError('password must be at least 12 characters');
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new UserAdminError(`not an e-mail address: "${input.email}"`);
  const passwordHash = await hashPassword(input.password);
  return ds.transaction(async (m) => {
    const orgs = await m.getRepository(OrganisationEntity).find();
    const orgBySlug = new Map(orgs.map((o) => [o.slug, o.id]));
    const grants = input.grants.map((g) => {
      const organisationId = g.role === 'admin' ? null : orgBySlug.get(g.organisation ?? '');
      if (organisationId === undefined) throw new UserAdminError(`unknown organisation "${g.organisation}"`);
      return { role: g.role, organisationId };
    });
    const users = m.getRepository(UserEntity);
    let user = await users.findOneBy({ email });
    if (user) {
      await users.update(user.id, { displayName: input.displayName, passwordHash, failedLogins: 0, lockedUntil: null });
      await m.getRepository(RoleGrantEntity).delete({ userId: user.id });
    } else {
      user = users.create({ id: newId(), email, displayName: input.displayName, passwordHash, disabled: false, failedLogins: 0, lockedUntil: null, createdAt: new Date() });
      await users.insert(user);
    }
    for (const g of grants) {
      await m.getRepository(RoleGrantEntity).insert({ id: newId(), userId: user.id, role: g.role, organisationId: g.organisationId, createdAt: new Date() });
    }
    return user;
  });
}
