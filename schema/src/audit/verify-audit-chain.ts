import { AuditEventOrganisationEntity } from '../entities/audit-event-organisation.entity.js';
import { AuditEventEntity } from '../entities/audit-event.entity.js';
import { Between, MoreThan, type DataSource } from 'typeorm';
import { GENESIS_HASH, auditEventHash } from './audit-chain.js';

export interface AuditChainReport {
  ok: boolean;
  /** Events checked before the first break (or all of them). */
  checked: number;
  /** The first seq that is missing, out of place, or does not hash to what is stored; null when ok. */
  firstBrokenSeq: number | null;
  reason: 'missing' | 'prev-hash-mismatch' | 'hash-mismatch' | null;
  /** The chain's head; keep it elsewhere (e.g. in a signed log) to also detect a cut-off tail. */
  lastSeq: number;
  lastHash: string;
}

/**
 * Recomputes the audit chain from the first event: seqs must run 1, 2, 3, … without gaps, each
 * prevHash must be the hash of the event before, and each hash must match the event's stored
 * fields and organisations. Reads in pages, so it runs in constant memory. For the CLI
 * (`bewaard audit verify`) and the `auditChainVerification` query.
 */
export async function verifyAuditChain(
  ds: DataSource,
  options: { pageSize?: number } = {},
): Promise<AuditChainReport> {
  const pageSize = options.pageSize ?? 1000;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const broken = (seq: number, reason: AuditChainReport['reason']): AuditChainReport => ({
    ok: false,
    checked: expectedSeq - 1,
    firstBrokenSeq: seq,
    reason,
    lastSeq: expectedSeq - 1,
    lastHash: prevHash,
  });
  for (;;) {
    const page = await ds
      .getRepository(AuditEventEntity)
      .find({ where: { seq: MoreThan(expectedSeq - 1) }, order: { seq: 'ASC' }, take: pageSize });
    if (page.length === 0) break;
    const scopes = await ds
      .getRepository(AuditEventOrganisationEntity)
      .findBy({ seq: Between(page[0]!.seq, page[page.length - 1]!.seq) });
    const orgsBySeq = new Map<number, string[]>();
    for (const s of scopes) orgsBySeq.set(s.seq, [...(orgsBySeq.get(s.seq) ?? []), s.organisationId]);
    for (const e of page) {
      if (e.seq !== expectedSeq) return broken(expectedSeq, 'missing');
      if (e.prevHash !== prevHash) return broken(e.seq, 'prev-hash-mismatch');
      if (auditEventHash({ ...e, organisationIds: orgsBySeq.get(e.seq) ?? [] }) !== e.hash)
        return broken(e.seq, 'hash-mismatch');
      prevHash = e.hash;
      expectedSeq++;
    }
  }
  return {
    ok: true,
    checked: expectedSeq - 1,
    firstBrokenSeq: null,
    reason: null,
    lastSeq: expectedSeq - 1,
    lastHash: prevHash,
  };
}
