import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { EntityColumns, type SqlRow } from './entity-columns.js';
import { inList } from './in-list.js';

/**
 * `SELECT … WHERE column IN (…)` for one entity, as hand-written SQL hydrated like TypeORM's
 * `findBy({ column: In(values) })` (rows in the database's order; callers map them by key).
 */
export class RowsByColumn<T extends ObjectLiteral> {
  /** Built on first use: the entity metadata exists only once the DataSource is initialised. */
  private columns?: EntityColumns<T>;
  private readonly statements = new Map<number, string>();

  constructor(
    private readonly ds: DataSource,
    private readonly target: EntityTarget<T>,
    private readonly key: keyof T & string,
    private readonly properties?: ReadonlyArray<keyof T & string>,
  ) {}

  async read(values: readonly unknown[]): Promise<T[]> {
    if (values.length === 0) return [];
    const columns = (this.columns ??= new EntityColumns(this.ds, this.target, 't', this.properties));
    const { placeholders, params } = inList(values.map((v) => columns.persistent(this.key, v)));
    let sql = this.statements.get(params.length);
    if (!sql) {
      sql = `SELECT ${columns.selectList} FROM ${columns.from} WHERE ${columns.col(this.key)} IN (${placeholders})`;
      this.statements.set(params.length, sql);
    }
    const rows = await this.ds.query<SqlRow[]>(sql, params);
    return rows.map((r) => columns.hydrate(r));
  }
}
