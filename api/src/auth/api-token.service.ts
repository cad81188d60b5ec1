import { sha256Hex, type AuthSessionEntity } from '@bewaard/schema';
import { AuditAction, type AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../context.js';
import { badInput, forbidden, notFound, unauthenticated } from '../errors/app-error.js';
import type { AuthService } from './auth.service.js';
import type { SessionRepository } from './session.repository.js';
import type { Viewer } from './viewer.js';

export const MAX_TOKEN_DAYS = 365;
const MAX_LABEL = 100;

export interface ApiTokenInfo {
  id: string;
  label: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * A public id for a token, derived from its stored hash: lets a user name a token to revoke it
 * without the API ever handing out the hash the bearer token is looked up by.
 */
export function apiTokenId(tokenHash: string): string {
  return sha256Hex(`api-token-id:${tokenHash}`).slice(0, 32);
}

function toInfo(row: AuthSessionEntity): ApiTokenInfo {
  return {
    id: apiTokenId(row.tokenHash),
    label: row.label ?? '',
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

/** Personal API tokens for scripts: same rights as their owner, a label, an expiry, revocable. */
export class ApiTokenService {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Only from a login session: a leaked API token must not be able to mint longer-lived ones.
   * The token is shown once; only its SHA-256 is stored.
   */
  async create(
    ctx: RequestContext,
    label: string,
    expiresInDays: number,
    now = new Date(),
  ): Promise<{ token: string; apiToken: ApiTokenInfo }> {
    const viewer = this.requireViewer(ctx.viewer);
    if (viewer.credential !== 'session')
      throw forbidden('API tokens can only be created from a login session');
    const cleanLabel = label.trim();
    if (cleanLabel.length < 1 || cleanLabel.length > MAX_LABEL)
      throw badInput(`label must be 1 to ${MAX_LABEL} characters`);
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS) {
      throw badInput(`expiresInDays must be between 1 and ${MAX_TOKEN_DAYS}`);
    }
    const expiresAt = new Date(now.getTime() + expiresInDays * 86_400_000);
    const { token, tokenHash } = await this.auth.issueToken(
      viewer.userId,
      { kind: 'api_token', label: cleanLabel, expiresAt },
      now,
    );
    const apiToken = {
      id: apiTokenId(tokenHash),
      label: cleanLabel,
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.audit.record(ctx, {
      action: AuditAction.API_TOKEN_CREATE,
      subject: apiToken.id,
      details: { label: cleanLabel, expiresAt },
    });
    return { token, apiToken };
  }

  async list(viewer: Viewer | null): Promise<ApiTokenInfo[]> {
    return (await this.sessions.apiTokensOf(this.requireViewer(viewer).userId)).map(toInfo);
  }

  /** NOT_FOUND for anyone else's token, as for one that does not exist. */
  async revoke(ctx: RequestContext, id: string, now = new Date()): Promise<ApiTokenInfo> {
    const viewer = this.requireViewer(ctx.viewer);
    const row = (await this.sessions.apiTokensOf(viewer.userId)).find((t) => apiTokenId(t.tokenHash) === id);
    if (!row) throw notFound('API token');
    if (!row.revokedAt) {
      await this.sessions.revoke(row.tokenHash, now);
      row.revokedAt = now;
      await this.audit.record(ctx, {
        action: AuditAction.API_TOKEN_REVOKE,
        subject: id,
        details: { label: row.label },
      });
    }
    return toInfo(row);
  }

  private requireViewer(viewer: Viewer | null): Viewer {
    if (!viewer) throw unauthenticated();
    return viewer;
  }
}
