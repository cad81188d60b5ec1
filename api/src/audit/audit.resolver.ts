import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { badInput } from '../errors/app-error.js';
import type { AuditService } from './audit.service.js';
import {
  AuditChainReportType,
  AuditEventConnection,
  AuditEventFilterInput,
  AuditEventType,
  AuditUserType,
} from './audit.types.js';

const encodeSeqCursor = (seq: number) => Buffer.from(`s:${seq}`).toString('base64url');

function decodeSeqCursor(cursor: string | null): number | null {
  if (!cursor) return null;
  const m = /^s:(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw badInput('Invalid cursor');
  return Number(m[1]);
}

@Resolver(() => AuditEventType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventConnection, {
    description: 'Auditors: events of their organisations; administrators: all. Newest first',
  })
  async auditEvents(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditEventFilterInput, { nullable: true }) filter: AuditEventFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<AuditEventConnection> {
    const { events, organisations, visibleOrganisationIds } = await this.audit.list(
      ctx,
      filter ?? {},
      first,
      decodeSeqCursor(after),
    );
    const page = events.slice(0, first);
    const visible = (id: string) => visibleOrganisationIds === 'all' || visibleOrganisationIds.includes(id);
    const nodes = await Promise.all(
      page.map(async (e) => ({
        ...e,
        organisations: (
          await Promise.all(
            (organisations.get(e.seq) ?? []).filter(visible).map((id) => ctx.loaders.organisation.load(id)),
          )
        ).flatMap((o) => (o ? [o] : [])),
      })),
    );
    return {
      nodes,
      pageInfo: {
        hasNextPage: events.length > first,
        hasPreviousPage: after !== null,
        startCursor: page[0] ? encodeSeqCursor(page[0].seq) : null,
        endCursor: page.length ? encodeSeqCursor(page[page.length - 1]!.seq) : null,
      },
    };
  }

  @FieldResolver(() => AuditUserType, { nullable: true })
  async user(@Root() event: AuditEventType, @Ctx() ctx: RequestContext): Promise<AuditUserType | null> {
    return event.userId ? ctx.loaders.user.load(event.userId) : null;
  }

  @Query(() => AuditChainReportType, {
    description: 'Recomputes the whole audit chain (auditors and administrators)',
  })
  auditChainVerification(@Ctx() ctx: RequestContext): Promise<AuditChainReportType> {
    return this.audit.verify(ctx);
  }
}
