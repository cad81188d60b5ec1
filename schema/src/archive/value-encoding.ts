/**
 * How the archive writer's row values are bound per driver — the same values TypeORM's drivers
 * produce in `preparePersistentValue` (a test compares them), computed without its per-column
 * metadata lookups, which cost more than SQLite's own work in import profiles.
 */
export interface ValueEncoding {
  datetime(value: Date): unknown;
  boolean(value: boolean): number;
}

// As DateUtils.formatZerolessValue: keeps the last `width` characters (so year 10000 becomes 0000, as TypeORM writes it).
const pad = (n: number, width = 2) => `${'0'.repeat(width)}${n}`.slice(-width);

const recent = new Map<number, string>();

/** TypeORM's SQLite datetime text, `YYYY-MM-DD HH:mm:ss.SSS` in UTC (DateUtils.mixedDateToUtcDatetimeString). */
export function sqliteDatetime(d: Date): string {
  // An import binds the same capture and batch times in four columns of every item: format them once.
  const time = d.getTime();
  let text = recent.get(time);
  if (text === undefined) {
    if (recent.size >= 64) recent.clear();
    text = formatDatetime(d);
    recent.set(time, text);
  }
  return text;
}

function formatDatetime(d: Date): string {
  const year = d.getUTCFullYear();
  // toISOString has exactly this layout for years 0–9999, and is several times faster than assembling it.
  if (year >= 0 && year <= 9999) {
    const iso = d.toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  }
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export const SQLITE_VALUES: ValueEncoding = {
  datetime: sqliteDatetime,
  boolean: (value) => (value ? 1 : 0),
};

/** mysql2 binds Date objects itself, in UTC (the DataSource's `timezone: 'Z'`). */
export const MARIADB_VALUES: ValueEncoding = {
  datetime: (value) => value,
  boolean: (value) => (value ? 1 : 0),
};
