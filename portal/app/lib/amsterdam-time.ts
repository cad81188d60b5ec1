const TIME_ZONE = 'Europe/Amsterdam';
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function offsetMs(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - utcMs;
}

/**
 * The instant a Dutch calendar day starts. Woo requests speak of Dutch dates, so the date filters
 * use Amsterdam midnight rather than UTC's (DST switches happen at 02:00/03:00, never at midnight).
 */
export function amsterdamDayStart(isoDate: string): Date {
  const m = DATE_RE.exec(isoDate);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  const utcMidnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(utcMidnight - offsetMs(utcMidnight));
}

/** The last millisecond of a Dutch calendar day (inclusive upper bound). */
export function amsterdamDayEnd(isoDate: string): Date {
  const m = DATE_RE.exec(isoDate);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  const nextDate = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1))
    .toISOString()
    .slice(0, 10);
  return new Date(amsterdamDayStart(nextDate).getTime() - 1);
}
