import { AuthSessionEntity, RoleGrantEntity, UserEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';

/** Users, their grants and their sessions, as stored. */
export class SessionRepository {
  constructor(private readonly ds: DataSource) {}

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

  findLiveSession(tokenHash: string): Promise<AuthSessionEntity | null> {
    return this.ds.getRepository(AuthSessionEntity).findOneBy({ tokenHash, revokedAt: IsNull() });
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
