import type { AuditEventEntity } from '@bewaard/schema';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/app-error.js';
import { serialiseDetails } from '@bewaard/schema';
import type { AuditRepository } from './audit.repository.js';
import { verifyAuditChain, type AuditChainReport } from '@bewaard/schema';

/** What is recorded. Media views and exports will join when those endpoints exist. */
export const AuditAction = {
  SEARCH: 'search',
  ITEM_VIEW: 'item.view',
  GRANT_ADD: 'grant.add',
  GRANT_REMOVE: 'grant.remove',
  API_TOKEN_CREATE: 'api_token.create',
  API_TOKEN_REVOKE: 'api_token.revoke',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];

export interface AuditEntry {
  action: AuditAction;
  subject?: string | null;
  details?: Record<string, unknown>;
  /** The organisations whose auditors may see the event (none: administrators only). */
  organisationIds?: readonly string[];
}

export interface AuditEventFilterArgs {
  organisationId?: string | null;
  userId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export const MAX_AUDIT_PAGE = 200;

/** Records who did what, when and from where; shows it to auditors of the organisations concerned. */
export class AuditService {
  constructor(
    private readonly access: AccessService,
    private readonly events: AuditRepository,
    private readonly ds: DataSource,
  ) {}

  /**
   * Appends the event before the caller answers, so nothing is shown unrecorded (if the trail
   * cannot be written the request fails). With `work`, the change and its event commit together.
   */
  async record<T>(
    ctx: RequestContext,
    entry: AuditEntry,
    work?: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    const { result } = await this.events.append(
      {
        at: new Date(),
        userId: ctx.viewer?.userId ?? null,
        action: entry.action,
        subject: entry.subject ?? null,
        details: serialiseDetails(entry.details ?? {}),
        ip: ctx.client.ip?.slice(0, 64) ?? null,
        userAgent: ctx.client.userAgent?.slice(0, 255) ?? null,
        requestId: ctx.requestId,
        organisationIds: entry.organisationIds ?? [],
      },
      work,
    );
    return result as T;
  }

  /** Newest first; auditors see the events of their organisations, administrators all. */
  async list(
    ctx: RequestContext,
    filter: AuditEventFilterArgs,
    first: number,
    beforeSeq: number | null,
  ): Promise<{
    events: AuditEventEntity[];
    organisations: Map<number, string[]>;
    visibleOrganisationIds: 'all' | string[];
  }> {
    const scope = this.access.auditableOrganisationIds(ctx.viewer);
    if (!Number.isInteger(first) || first < 1 || first > MAX_AUDIT_PAGE)
      throw badInput(`first must be between 1 and ${MAX_AUDIT_PAGE}`);
    let organisationIds: string[] | null = scope === 'all' ? null : scope;
    if (filter.organisationId) {
      organisationIds =
        scope === 'all' || scope.includes(filter.organisationId) ? [filter.organisationId] : [];
    }
    const events = await this.events.find({ ...filter, organisationIds, beforeSeq, limit: first + 1 });
    const organisations = await this.events.organisationsOf(events.map((e) => e.seq));
    return { events, organisations, visibleOrganisationIds: scope };
  }

  /** Auditors of any organisation and administrators may check the whole chain: it holds no content. */
  async verify(ctx: RequestContext): Promise<AuditChainReport> {
    this.access.auditableOrganisationIds(ctx.viewer);
    return verifyAuditChain(this.ds);
  }
}
