import { AuditEventEntity, AuditEventOrganisationEntity } from '@bewaard/schema';
import {
  And,
  In,
  LessThan,
  MoreThanOrEqual,
  Raw,
  type DataSource,
  type EntityManager,
  type FindOperator,
} from 'typeorm';
import { GENESIS_HASH, auditEventHash, type ChainedAuditEvent } from '@bewaard/schema';
import type { SqlRow } from '../storage/entity-columns.js';
import { AuditAppendSql } from './audit-append-sql.js';
import { serialQueueFor } from './serial-queue.js';

/** An event before it is placed on the chain (which gives it its seq and prevHash). */
export type NewAuditEvent = Omit<ChainedAuditEvent, 'seq' | 'prevHash'>;

export interface AuditEventQuery {
  /** null: every event (admins); otherwise events concerning one of these organisations. */
  organisationIds: readonly string[] | null;
  userId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Only events with a lower seq (newest first paging). */
  beforeSeq?: number | null;
  limit: number;
}

const MAX_ATTEMPTS = 5;

/** Races another writer lost at the database (duplicate seq/prevHash, deadlock, busy): worth a retry. */
function isChainConflict(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code ?? '';
  return /DUP_ENTRY|DEADLOCK|LOCK_WAIT|SQLITE_CONSTRAINT|SQLITE_BUSY/.test(code);
}

/** The audit trail as stored: appends that keep the hash chain linear, and scoped reads. */
export class AuditRepository {
  /** Built on first use: the entity metadata exists only once the DataSource is initialised. */
  private appendSql?: AuditAppendSql;

  constructor(private readonly ds: DataSource) {}

  /**
   * Appends one event at the head of the chain, in one transaction with `work` (so a grant
   * change and its audit event commit together or not at all). Appends from this process are
   * queued; on MariaDB the head row is read FOR UPDATE, so writers in other processes wait;
   * SQLite has a single writer. A writer that lost a race anyway hits the seq primary key or
   * the unique prevHash, and is retried on the new head.
   */
  append<T>(
    event: NewAuditEvent,
    work?: (m: EntityManager) => Promise<T>,
  ): Promise<{ seq: number; result: T | undefined }> {
    return serialQueueFor(this.ds).run(async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.ds.transaction(async (m) => {
            const result = work ? await work(m) : undefined;
            const seq = await this.appendIn(m, event);
            return { seq, result };
          });
        } catch (err) {
          if (attempt >= MAX_ATTEMPTS || !isChainConflict(err)) throw err;
        }
      }
    });
  }

  private async appendIn(m: EntityManager, event: NewAuditEvent): Promise<number> {
    const sql = (this.appendSql ??= new AuditAppendSql(this.ds));
    const last = sql.headOf(await m.query<SqlRow[]>(sql.head));
    const { organisationIds, ...fields } = event;
    const row = { ...fields, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH };
    const hash = auditEventHash({ ...row, organisationIds });
    await m.query(sql.insertEvent, sql.eventParams({ ...row, hash }));
    const scope = [...new Set(organisationIds)];
    if (scope.length) {
      const insert = sql.insertOrganisations(row.seq, scope);
      await m.query(insert.sql, insert.params);
    }
    return row.seq;
  }

  /** Newest first. Filters go through find options, so dates are compared as each driver stores them. */
  async find(q: AuditEventQuery): Promise<AuditEventEntity[]> {
    if (q.organisationIds !== null && q.organisationIds.length === 0) return [];
    const seq: FindOperator<number>[] = [];
    if (q.beforeSeq) seq.push(LessThan(q.beforeSeq));
    if (q.organisationIds !== null) {
      const orgIds = [...q.organisationIds];
      const inScope = Raw(
        (col) =>
          `${col} IN (SELECT o.seq FROM audit_event_organisation o WHERE o.organisationId IN (:...orgIds))`,
        { orgIds },
      ) as FindOperator<number>;
      seq.push(inScope);
    }
    const at: FindOperator<Date>[] = [];
    if (q.from) at.push(MoreThanOrEqual(q.from));
    if (q.to) at.push(LessThan(q.to));
    return this.ds.getRepository(AuditEventEntity).find({
      where: {
        ...(seq.length ? { seq: And(...seq) } : {}),
        ...(at.length ? { at: And(...at) } : {}),
        ...(q.userId ? { userId: q.userId } : {}),
        ...(q.action ? { action: q.action } : {}),
      },
      order: { seq: 'DESC' },
      take: q.limit,
    });
  }

  /** Organisation ids per event, for a page of events. */
  async organisationsOf(seqs: readonly number[]): Promise<Map<number, string[]>> {
    const rows = seqs.length
      ? await this.ds.getRepository(AuditEventOrganisationEntity).findBy({ seq: In([...seqs]) })
      : [];
    const bySeq = new Map<number, string[]>();
    for (const r of rows) bySeq.set(r.seq, [...(bySeq.get(r.seq) ?? []), r.organisationId]);
    return bySeq;
  }
}
