import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The organisations an audit event concerns (a search can span several), so an organisation's
 * auditors find its events by index. Part of the hashed content of the event.
 */
@Entity('audit_event_organisation')
@Index('ix_audit_org_seq', ['organisationId', 'seq'])
export class AuditEventOrganisationEntity {
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  /** No foreign key, like the event's userId: the trail outlives what it mentions. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organisationId!: string;
}
