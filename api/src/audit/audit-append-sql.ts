import { AuditEventEntity, AuditEventOrganisationEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import { EntityColumns, type SqlRow } from '../storage/entity-columns.js';

const EVENT_COLUMNS = [
  'seq',
  'at',
  'userId',
  'action',
  'subject',
  'details',
  'ip',
  'userAgent',
  'requestId',
  'prevHash',
  'hash',
] as const satisfies ReadonlyArray<keyof AuditEventEntity>;

/**
 * The statements of one audit append (chain head, event, its organisations), written out once:
 * every search and item view appends, and building them per call with TypeORM's query builders
 * cost more than running them. Values are converted as the entity repository converts them.
 */
export class AuditAppendSql {
  /** The newest event's seq and hash; on MariaDB read FOR UPDATE, so other processes' writers wait. */
  readonly head: string;
  readonly insertEvent: string;
  private readonly headColumns: EntityColumns<AuditEventEntity>;
  private readonly event: EntityColumns<AuditEventEntity>;
  private readonly scope: EntityColumns<AuditEventOrganisationEntity>;
  private readonly insertScopes = new Map<number, string>();

  constructor(ds: DataSource) {
    this.headColumns = new EntityColumns(ds, AuditEventEntity, 'e', ['seq', 'hash']);
    const h = this.headColumns;
    this.head =
      `SELECT ${h.selectList} FROM ${h.from} ORDER BY ${h.col('seq')} DESC LIMIT 1` +
      (ds.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE');
    this.event = new EntityColumns(ds, AuditEventEntity, 'e');
    this.scope = new EntityColumns(ds, AuditEventOrganisationEntity, 'o');
    this.insertEvent =
      `INSERT INTO ${this.event.table} (${EVENT_COLUMNS.map((c) => this.event.name(c)).join(', ')})` +
      ` VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;
  }

  /** The row read with `head`, or null while the trail is empty. */
  headOf(rows: readonly SqlRow[]): Pick<AuditEventEntity, 'seq' | 'hash'> | null {
    const row = rows[0];
    if (!row) return null;
    const { seq, hash } = this.headColumns.hydrate(row);
    return { seq, hash };
  }

  eventParams(row: AuditEventEntity): unknown[] {
    return EVENT_COLUMNS.map((c) => this.event.persistent(c, row[c]));
  }

  /** One multi-row insert of the event's organisations (distinct ids, at least one). */
  insertOrganisations(seq: number, organisationIds: readonly string[]): { sql: string; params: unknown[] } {
    let sql = this.insertScopes.get(organisationIds.length);
    if (!sql) {
      const values = organisationIds.map(() => '(?, ?)').join(', ');
      sql = `INSERT INTO ${this.scope.table} (${this.scope.name('seq')}, ${this.scope.name('organisationId')}) VALUES ${values}`;
      this.insertScopes.set(organisationIds.length, sql);
    }
    const params = organisationIds.flatMap((id) => [
      this.scope.persistent('seq', seq),
      this.scope.persistent('organisationId', id),
    ]);
    return { sql, params };
  }
}
