import type Database from 'better-sqlite3';

/** The fields stored as codes in `search_docs`. */
export type CodedField = 'org' | 'platform' | 'kind' | 'status' | 'account' | 'language';

/** Code 0 stands for "no value" (a citizen's item has no account; language may be unknown). */
export const NO_VALUE = 0;

/**
 * Value ↔ small integer code per field, persisted in `search_dict` so every process that opens the
 * index agrees on the codes. Codes only ever get added; a reader catches up with `refresh`.
 */
export class Dictionaries {
  private readonly codes = new Map<CodedField, Map<string, number>>();
  private readonly values = new Map<CodedField, string[]>();
  private lastRowid = 0;
  private readonly insert: Database.Statement<[{ field: string; value: string }]>;
  private readonly since: Database.Statement<[number], [number, CodedField, string, number]>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO search_dict (field, value, code)
       SELECT @field, @value, coalesce(max(code), 0) + 1 FROM search_dict WHERE field = @field`,
    );
    this.since = db
      .prepare<[number], [number, CodedField, string, number]>(
        'SELECT rowid, field, value, code FROM search_dict WHERE rowid > ? ORDER BY rowid',
      )
      .raw();
  }

  /** Reads the codes other connections added. */
  refresh(): void {
    for (const [rowid, field, value, code] of this.since.iterate(this.lastRowid)) {
      this.remember(field, value, code);
      this.lastRowid = rowid;
    }
  }

  /** Forgets every code and reads them again: after a rolled-back write added codes that never landed. */
  reload(): void {
    this.codes.clear();
    this.values.clear();
    this.lastRowid = 0;
    this.refresh();
  }

  /** The code of `value`, adding it when new. Call inside the writing transaction. */
  encode(field: CodedField, value: string | null): number {
    if (value === null) return NO_VALUE;
    const known = this.codes.get(field)?.get(value);
    if (known !== undefined) return known;
    this.refresh();
    const again = this.codes.get(field)?.get(value);
    if (again !== undefined) return again;
    this.insert.run({ field, value });
    this.refresh();
    return this.codes.get(field)!.get(value)!;
  }

  /** The code of a known value, or undefined: a filter on an unknown value matches nothing. */
  lookup(field: CodedField, value: string): number | undefined {
    return this.codes.get(field)?.get(value);
  }

  decode(field: CodedField, code: number): string | null {
    return code === NO_VALUE ? null : (this.values.get(field)?.[code] ?? null);
  }

  /** One more than the highest code of the field (the length a per-code array needs). */
  size(field: CodedField): number {
    return this.values.get(field)?.length ?? 1;
  }

  private remember(field: CodedField, value: string, code: number): void {
    let codes = this.codes.get(field);
    let values = this.values.get(field);
    if (!codes || !values) {
      codes = new Map();
      values = [''];
      this.codes.set(field, codes);
      this.values.set(field, values);
    }
    codes.set(value, code);
    while (values.length <= code) values.push('');
    values[code] = value;
  }
}
