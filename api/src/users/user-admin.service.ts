import { ROLES, isOneOf, type Role, type RoleGrantEntity, type UserEntity } from '@bewaard/schema';
import type { AccessService } from '../access/access.service.js';
import { AuditAction, type AuditService } from '../audit/audit.service.js';
import type { UserType } from '../auth/auth.types.js';
import type { RequestContext } from '../context.js';
import { badInput, notFound } from '../errors/app-error.js';
import type { UserRepository } from './user.repository.js';

const MAX_USERS = 1000;

/** Administration of users' role grants. Administrators only; every change is audited with the change itself. */
export class UserAdminService {
  constructor(
    private readonly access: AccessService,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext): Promise<UserType[]> {
    this.access.requireAdmin(ctx.viewer);
    const users = await this.users.listUsers(MAX_USERS);
    const grants = await this.users.grantsOf(users.map((u) => u.id));
    return Promise.all(users.map((u) => this.toUserType(ctx, u, grants.get(u.id) ?? [])));
  }

  async addGrant(
    ctx: RequestContext,
    userId: string,
    role: Role,
    organisationId: string | null,
  ): Promise<UserType> {
    this.access.requireAdmin(ctx.viewer);
    if (!isOneOf(ROLES, role)) throw badInput('Unknown role');
    if (role === 'admin' && organisationId) throw badInput('The admin role is global: give no organisation');
    if (role !== 'admin' && !organisationId) throw badInput(`The ${role} role needs an organisation`);
    const user = await this.users.findUser(userId);
    if (!user) throw notFound('User');
    if (organisationId && !(await this.users.organisationExists(organisationId)))
      throw notFound('Organisation');
    if (await this.users.findSameGrant(userId, role, organisationId))
      throw badInput('The user already has this role there');
    await this.audit.record(
      ctx,
      {
        action: AuditAction.GRANT_ADD,
        subject: userId,
        details: { role, organisationId },
        organisationIds: organisationId ? [organisationId] : [],
      },
      (m) => this.users.insertGrant(m, { userId, role, organisationId }),
    );
    return this.reload(ctx, user);
  }

  /** Refuses to remove the last admin grant, so the system cannot be left without an administrator. */
  async removeGrant(ctx: RequestContext, grantId: string): Promise<UserType> {
    this.access.requireAdmin(ctx.viewer);
    const grant = await this.users.findGrant(grantId);
    if (!grant) throw notFound('Grant');
    const user = await this.users.findUser(grant.userId);
    if (!user) throw notFound('User');
    await this.audit.record(
      ctx,
      {
        action: AuditAction.GRANT_REMOVE,
        subject: grant.userId,
        details: { grantId, role: grant.role, organisationId: grant.organisationId },
        organisationIds: grant.organisationId ? [grant.organisationId] : [],
      },
      async (m) => {
        if (grant.role === 'admin' && (await this.users.countAdminGrants(m)) <= 1)
          throw badInput('Cannot remove the last administrator');
        await this.users.deleteGrant(m, grantId);
      },
    );
    return this.reload(ctx, user);
  }

  private async reload(ctx: RequestContext, user: UserEntity): Promise<UserType> {
    const grants = await this.users.grantsOf([user.id]);
    return this.toUserType(ctx, user, grants.get(user.id) ?? []);
  }

  async toUserType(
    ctx: RequestContext,
    user: Pick<UserEntity, 'id' | 'email' | 'displayName'>,
    grants: RoleGrantEntity[],
  ): Promise<UserType> {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      grants: await Promise.all(
        grants.map(async (g) => ({
          id: g.id,
          role: g.role,
          organisation: g.organisationId ? await ctx.loaders.organisation.load(g.organisationId) : null,
        })),
      ),
    };
  }
}
