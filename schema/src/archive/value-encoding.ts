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

// The two most recently formatted times, most recent first: an import binds the same capture and
// batch times in several columns of every row, between the rows' own (distinct) creation times.
let lastTime = NaN;
let lastText = '';
let otherTime = NaN;
let otherText = '';

/** TypeORM's SQLite datetime text, `YYYY-MM-DD HH:mm:ss.SSS` in UTC (DateUtils.mixedDateToUtcDatetimeString). */
export function sqliteDatetime(d: Date): string {
  const time = d.getTime();
  if (time === lastTime) return lastText;
  const text = time === otherTime ? otherText : time >= FIRST_ISO_MS && time < AFTER_ISO_MS ? formatIsoYearTime(time) : formatDatetime(d);
  otherTime = lastTime;
  otherText = lastText;
  lastTime = time;
  lastText = text;
  return text;
}

const DAY_MS = 86_400_000;
// Years 0 to 9999, where toISOString has exactly this layout (with a T and a Z).
const FIRST_ISO_MS = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(0);
const AFTER_ISO_MS = Date.UTC(10000, 0, 1);
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
let dayStart = NaN;
let dayText = '';

/** The date part changes rarely between consecutive items: it is made once per day, the time of day from tables. */
function formatIsoYearTime(time: number): string {
  const start = Math.floor(time / DAY_MS) * DAY_MS;
  if (start !== dayStart) {
    dayText = `${new Date(start).toISOString().slice(0, 10)} `;
    dayStart = start;
  }
  let rest = time - start;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${dayText}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[ms]}`;
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
