import { OrganisationEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import { EntityColumns, type SqlRow } from '../storage/entity-columns.js';

/** The ids of every organisation: an administrator's scope, read on each of their requests. */
export class OrganisationIdRepository {
  /** Built on first use: the entity metadata exists only once the DataSource is initialised. */
  private columns?: { sql: string; organisation: EntityColumns<OrganisationEntity> };

  constructor(private readonly ds: DataSource) {}

  async all(): Promise<string[]> {
    this.columns ??= this.build();
    const { sql, organisation } = this.columns;
    const rows = await this.ds.query<SqlRow[]>(sql);
    return rows.map((r) => organisation.hydrate(r).id);
  }

  private build() {
    const organisation = new EntityColumns(this.ds, OrganisationEntity, 'o', ['id']);
    return { sql: `SELECT ${organisation.selectList} FROM ${organisation.from}`, organisation };
  }
}
