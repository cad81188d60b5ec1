import type Database from 'better-sqlite3';

/** Bit flags per document. */
export const PRESENT = 1;
export const HAS_MEDIA = 2;

/** One `search_docs` row as numbers: rid, org, platform, kind, status, account, language, year, flags, createdAt. */
const FIELDS = 10;
const COLUMNS_SQL = `rid, org, platform, kind, status, account, language, year,
  ((CASE WHEN removed = 0 THEN 1 ELSE 0 END) | (CASE WHEN has_media = 1 THEN 2 ELSE 0 END)), created_at`;
/** Beyond this many changed rows a full load is cheaper than row-by-row catching up. */
const FULL_RELOAD_AFTER = 50_000;

/**
 * Every document's filter and facet fields in typed arrays indexed by rid, so a search filters,
 * counts and facets its matches in one loop instead of a SQL join per match (see schema-sql.ts).
 * About 20 bytes per document. Kept current by reading the rows whose `seq` grew since the last look.
 */
export class DocColumns {
  org = new Uint16Array(0);
  platform = new Uint8Array(0);
  kind = new Uint8Array(0);
  status = new Uint8Array(0);
  account = new Uint32Array(0);
  language = new Uint16Array(0);
  year = new Uint16Array(0);
  flags = new Uint8Array(0);
  createdAt = new Float64Array(0);
  /** Highest rid loaded; rids are 1..maxRid (gaps are rows that were never written or were cleared). */
  maxRid = 0;

  private loadedSeq = -1;
  private loadedGeneration = -1;
  private readonly meta: Database.Statement<[], [string, number]>;
  private readonly changedCount: Database.Statement<[number], number>;
  private readonly changed: Database.Statement<[number], number[]>;
  private readonly everything: Database.Statement<[], string | null>;

  constructor(private readonly db: Database.Database) {
    this.meta = db.prepare<[], [string, number]>('SELECT key, value FROM search_meta').raw();
    this.changedCount = db
      .prepare<[number], number>('SELECT count(*) FROM search_docs WHERE seq > ?')
      .pluck();
    this.changed = db
      .prepare<[number], number[]>(`SELECT ${COLUMNS_SQL} FROM search_docs WHERE seq > ?`)
      .raw();
    // One string for the whole table: per-row results cost ~1 µs each in better-sqlite3, the string
    // and its parse about a tenth of that.
    this.everything = db
      .prepare<[], string | null>(
        `SELECT group_concat(${COLUMNS_SQL.replaceAll(',', " || ',' ||")}, ',') FROM search_docs WHERE removed = 0`,
      )
      .pluck();
  }

  /** Brings the arrays up to date with the database (one snapshot: a read transaction). */
  refresh(): void {
    this.db.transaction(() => {
      const meta = new Map(this.meta.all());
      const seq = meta.get('seq') ?? 0;
      const generation = meta.get('generation') ?? 0;
      if (generation !== this.loadedGeneration) this.loadAll();
      else if (seq !== this.loadedSeq) {
        if (this.changedCount.get(this.loadedSeq)! > FULL_RELOAD_AFTER) this.loadAll();
        else for (const row of this.changed.iterate(this.loadedSeq)) this.set(row);
      }
      this.loadedSeq = seq;
      this.loadedGeneration = generation;
    })();
  }

  private loadAll(): void {
    this.maxRid = 0;
    this.flags.fill(0);
    const text = this.everything.get() ?? '';
    const row = new Array<number>(FIELDS).fill(0);
    let field = 0;
    let value = 0;
    let negative = false;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 44;
      if (c === 45) negative = true;
      else if (c !== 44) value = value * 10 + (c - 48);
      else if (i > 0) {
        row[field++] = negative ? -value : value;
        value = 0;
        negative = false;
        if (field === FIELDS) {
          this.set(row);
          field = 0;
        }
      }
    }
  }

  private set(row: readonly number[]): void {
    const rid = row[0]!;
    if (rid >= this.flags.length) this.grow(rid + 1);
    this.org[rid] = row[1]!;
    this.platform[rid] = row[2]!;
    this.kind[rid] = row[3]!;
    this.status[rid] = row[4]!;
    this.account[rid] = row[5]!;
    this.language[rid] = row[6]!;
    this.year[rid] = row[7]!;
    this.flags[rid] = row[8]!;
    this.createdAt[rid] = row[9]!;
    if (rid > this.maxRid) this.maxRid = rid;
  }

  private grow(needed: number): void {
    const size = Math.max(needed, Math.ceil(this.flags.length * 1.5), 1024);
    const copy = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.org = copy(this.org, (n) => new Uint16Array(n));
    this.platform = copy(this.platform, (n) => new Uint8Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.status = copy(this.status, (n) => new Uint8Array(n));
    this.account = copy(this.account, (n) => new Uint32Array(n));
    this.language = copy(this.language, (n) => new Uint16Array(n));
    this.year = copy(this.year, (n) => new Uint16Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
    this.createdAt = copy(this.createdAt, (n) => new Float64Array(n));
  }
}
