import crypto from 'node:crypto';
import { decoyHash, sha256Hex, verifyPassword, type UserEntity } from '@bewaard/schema';
import { AppError, ErrorCode, unauthenticated } from '../errors/app-error.js';
import { DEFAULT_LOGIN_RATE_LIMIT, LoginRateLimiter, type LoginRateLimitOptions } from './login-rate-limit.js';
import type { SessionRepository } from './session.repository.js';
import { Viewer } from './viewer.js';

const MAX_FAILED_LOGINS = 5;
const LOCKOUT_MS = 15 * 60_000;
/** lastUsedAt of an API token is written at most this often (not a write per request). */
const TOUCH_INTERVAL_MS = 60_000;

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
  private readonly clientLimit: LoginRateLimiter;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly sessionTtlHours: number,
    loginRateLimit: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT,
  ) {
    this.clientLimit = new LoginRateLimiter(loginRateLimit);
  }

  /** `client` is the caller's address, for the per-address limit on failed logins. */
  async login(emailInput: string, password: string, client: string | null = null, now = new Date()): Promise<LoginResult> {
    this.clientLimit.check(client, now.getTime());
    try {
      return await this.loginAccount(emailInput, password, now);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.UNAUTHENTICATED) this.clientLimit.recordFailure(client, now.getTime());
      throw err;
    }
  }

  private async loginAccount(emailInput: string, password: string, now: Date): Promise<LoginResult> {
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
    return this.issueToken(userId, { kind: 'session', label: null, expiresAt: new Date(now.getTime() + this.sessionTtlHours * 3_600_000) }, now);
  }

  /** A new random bearer token; only its SHA-256 is stored. */
  async issueToken(
    userId: string,
    spec: { kind: 'session' | 'api_token'; label: string | null; expiresAt: Date },
    now = new Date(),
  ): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
    const token = crypto.randomBytes(32).toString('base64url');
    const { expiresAt } = spec;
    await this.sessions.createSession({
      tokenHash: sha256Hex(token),
      userId,
      kind: spec.kind,
      label: spec.label,
      createdAt: now,
      expiresAt,
      revokedAt: null,
      lastUsedAt: null,
    });
    return { token, tokenHash: sha256Hex(token), expiresAt };
  }

  /** The viewer for a bearer token, or null when the token is unknown, expired, revoked, or its user disabled. */
  async authenticate(token: string | null, now = new Date()): Promise<Viewer | null> {
    if (!token) return null;
    const tokenHash = sha256Hex(token);
    const credential = await this.sessions.findLiveCredential(tokenHash);
    if (!credential) return null;
    const { session, user, grants } = credential;
    if (session.expiresAt <= now || user.disabled) return null;
    if (session.kind === 'api_token' && (!session.lastUsedAt || now.getTime() - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS)) {
      await this.sessions.touch(tokenHash, now);
    }
    const kind = session.kind === 'api_token' ? 'api_token' : 'session';
    return new Viewer(user.id, user.email, grants.map((g) => ({ role: g.role, organisationId: g.organisationId })), tokenHash, kind);
  }

  async logout(viewer: Viewer, now = new Date()): Promise<void> {
    await this.sessions.revoke(viewer.tokenHash, now);
  }
}
