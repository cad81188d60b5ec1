import { AuthSessionEntity, RoleGrantEntity, UserEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import { EntityColumns, type SqlRow } from '../storage/entity-columns.js';

/** A live (not revoked) session or API token with its user and the user's grants. */
export interface LiveCredential {
  session: AuthSessionEntity;
  user: UserEntity;
  grants: RoleGrantEntity[];
}

/** The joined read of a credential: its statement and the columns it hydrates. */
interface CredentialQuery {
  sql: string;
  session: EntityColumns<AuthSessionEntity>;
  user: EntityColumns<UserEntity>;
  grant: EntityColumns<RoleGrantEntity>;
}

function credentialQuery(ds: DataSource): CredentialQuery {
  const session = new EntityColumns(ds, AuthSessionEntity, 's');
  const user = new EntityColumns(ds, UserEntity, 'u');
  const grant = new EntityColumns(ds, RoleGrantEntity, 'g');
  // Grants in the order of the (userId, organisationId, role) index: the order the lookup by
  // userId alone returned them in.
  const sql =
    `SELECT ${session.selectList}, ${user.selectList}, ${grant.selectList} FROM ${session.from}` +
    ` JOIN ${user.from} ON ${user.col('id')} = ${session.col('userId')}` +
    ` LEFT JOIN ${grant.from} ON ${grant.col('userId')} = ${user.col('id')}` +
    ` WHERE ${session.col('tokenHash')} = ? AND ${session.col('revokedAt')} IS NULL` +
    ` ORDER BY ${grant.col('organisationId')}, ${grant.col('role')}`;
  return { sql, session, user, grant };
}

/** Users, their grants and their sessions, as stored. */
export class SessionRepository {
  /** Built on first use: the entity metadata exists only once the DataSource is initialised. */
  private credential?: CredentialQuery;

  constructor(private readonly ds: DataSource) {}

  /**
   * The session (not revoked) for a token hash with its user and grants, in one statement: every
   * request authenticates, so this is read fresh each time, and once rather than three times.
   */
  async findLiveCredential(tokenHash: string): Promise<LiveCredential | null> {
    const q = (this.credential ??= credentialQuery(this.ds));
    const rows = await this.ds.query<SqlRow[]>(q.sql, [tokenHash]);
    const first = rows[0];
    if (!first) return null;
    return {
      session: q.session.hydrate(first),
      user: q.user.hydrate(first),
      grants: rows.filter((r) => q.grant.presentIn(r)).map((r) => q.grant.hydrate(r)),
    };
  }

  findUserByEmail(email: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOneBy({ email });
  }

  findUserById(id: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOneBy({ id });
  }

  grantsOf(userId: string): Promise<RoleGrantEntity[]> {
    return this.ds.getRepository(RoleGrantEntity).findBy({ userId });
  }

  async recordFailedLogin(user: UserEntity, lockUntil: Date | null): Promise<void> {
    await this.ds.getRepository(UserEntity).update(user.id, { failedLogins: user.failedLogins + 1, lockedUntil: lockUntil });
  }

  async resetFailedLogins(userId: string): Promise<void> {
    await this.ds.getRepository(UserEntity).update(userId, { failedLogins: 0, lockedUntil: null });
  }

  async createSession(row: AuthSessionEntity): Promise<void> {
    await this.ds.getRepository(AuthSessionEntity).insert(row);
  }

  async revoke(tokenHash: string, at: Date): Promise<void> {
    await this.ds.getRepository(AuthSessionEntity).update({ tokenHash }, { revokedAt: at });
  }

  /** A user's personal API tokens, newest first (revoked and expired ones included). */
  apiTokensOf(userId: string): Promise<AuthSessionEntity[]> {
    return this.ds.getRepository(AuthSessionEntity).find({ where: { userId, kind: 'api_token' }, order: { createdAt: 'DESC' } });
  }

  async touch(tokenHash: string, at: Date): Promise<void> {
    await this.ds.getRepository(AuthSessionEntity).update({ tokenHash }, { lastUsedAt: at });
  }
}
