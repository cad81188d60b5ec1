import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/** One result row of a hand-written statement, by result column name. */
export type SqlRow = Record<string, unknown>;

/**
 * One entity's columns for hand-written SQL on the hot path (a search request), where TypeORM's
 * query building and result transformation cost several times the query itself. Values go
 * through the driver's own conversions both ways, so rows read or written here are exactly what
 * the entity repository would read or write, on SQLite and on MariaDB.
 */
export class EntityColumns<T extends ObjectLiteral> {
  readonly metadata: EntityMetadata;
  /** The table name, quoted for the driver. */
  readonly table: string;
  private readonly columns: ColumnMetadata[];
  private readonly byProperty: Map<string, ColumnMetadata>;

  /**
   * `alias` prefixes the result names (`alias_property`), so the columns of several entities
   * can share one joined row. `properties` narrows what is read (default: every column).
   */
  constructor(
    private readonly ds: DataSource,
    target: EntityTarget<T>,
    readonly alias: string,
    properties?: ReadonlyArray<keyof T & string>,
  ) {
    this.metadata = ds.getMetadata(target);
    this.table = ds.driver.escape(this.metadata.tableName);
    this.byProperty = new Map(this.metadata.columns.map((c) => [c.propertyName, c]));
    this.columns = properties ? properties.map((p) => this.column(p)) : this.metadata.columns;
  }

  private column(property: string): ColumnMetadata {
    const c = this.byProperty.get(property);
    if (!c) throw new Error(`${this.metadata.name} has no column ${property}`);
    return c;
  }

  /** `alias.column`, quoted: for WHERE, JOIN and ORDER BY clauses. */
  col(property: keyof T & string): string {
    return `${this.ds.driver.escape(this.alias)}.${this.ds.driver.escape(this.column(property).databaseName)}`;
  }

  /** The quoted column name without alias: for INSERT column lists. */
  name(property: keyof T & string): string {
    return this.ds.driver.escape(this.column(property).databaseName);
  }

  /** `FROM`/`JOIN` target: the table with its alias. */
  get from(): string {
    return `${this.table} ${this.ds.driver.escape(this.alias)}`;
  }

  /** The select list: every read column as `alias_property`. */
  get selectList(): string {
    return this.columns
      .map((c) => `${this.col(c.propertyName)} AS ${this.ds.driver.escape(this.resultName(c))}`)
      .join(', ');
  }

  private resultName(c: ColumnMetadata): string {
    return `${this.alias}_${c.propertyName}`;
  }

  /** The entity from a row read with `selectList`. */
  hydrate(row: SqlRow): T {
    const entity = this.metadata.create() as T;
    const target = entity as Record<string, unknown>;
    for (const c of this.columns)
      target[c.propertyName] = this.ds.driver.prepareHydratedValue(row[this.resultName(c)], c);
    return entity;
  }

  /** True when the row holds this entity (outer joins: its primary key is not null). */
  presentIn(row: SqlRow): boolean {
    return this.metadata.primaryColumns.every((c) => row[this.resultName(c)] != null);
  }

  /** A value as the driver stores it in this column, for a statement parameter. */
  persistent(property: keyof T & string, value: unknown): unknown {
    return this.ds.driver.preparePersistentValue(value, this.column(property));
  }
}
