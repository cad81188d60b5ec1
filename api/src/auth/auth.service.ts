import crypto from 'node:crypto';
import { decoyHash, sha256Hex, verifyPassword, type UserEntity } from '@bewaard/schema';
import { AppError, ErrorCode, unauthenticated } from '../errors/app-error.js';
import type { SessionRepository } from './session.repository.js';
import { Viewer } from './viewer.js';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserEntity;
}

/**
 * Password login (argon2id), opaque bearer tokens of which only the SHA-256 is stored, expiry,
 * revocation, and lockout after repeated failures. An OpenID Connect login would end in the same
 * `issueSession` call (see README, "Authentication").
 */
export class AuthService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly sessionTtlHours: number,
  ) {}

  async login(emailInput: string, password: string, now = new Date()): Promise<LoginResult> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.sessions.findUserByEmail(email);
    if (!user) {
      await verifyPassword(await decoyHash(), password);
      throw unauthenticated('Wrong e-mail address or password');
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Too many failed logins; try again later');
    }
    if (user.disabled || !(await verifyPassword(user.passwordHash, password))) {
      const failures = user.failedLogins + 1;
      await this.sessions.recordFailedLogin(user, failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS) : null);
      throw unauthenticated('Wrong e-mail address or password');
    }
    await this.sessions.resetFailedLogins(user.id);
    const { token, expiresAt } = await this.issueSession(user.id, now);
    return { token, expiresAt, user };
  }

  async issueSession(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.sessionTtlHours * 3_600_000);
    await this.sessions.createSession({
      tokenHash: sha256Hex(token),
      userId,
      kind: 'session',
      label: null,
      createdAt: now,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    return { token, expiresAt };
  }

  /** The viewer for a bearer token, or null when the token is unknown, expired, revoked, or its user disabled. */
  async authenticate(token: string | null, now = new Date()): Promise<Viewer | null> {
    if (!token) return null;
    const tokenHash = sha256Hex(token);
    const session = await this.sessions.findLiveSession(tokenHash);
    if (!session || session.expiresAt <= now) return null;
    const user = await this.sessions.findUserById(session.userId);
    if (!user || user.disabled) return null;
    const grants = await this.sessions.grantsOf(user.id);
    return new Viewer(user.id, user.email, grants.map((g) => ({ role: g.role, organisationId: g.organisationId })), tokenHash);
  }

  async logout(viewer: Viewer, now = new Date()): Promise<void> {
    await this.sessions.revoke(viewer.tokenHash, now);
  }
}
