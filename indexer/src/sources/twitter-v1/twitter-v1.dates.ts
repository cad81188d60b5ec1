/**
 * Timestamps of X API v1.1 tweets and of the X archive, which keeps the v1.1 format:
 * "Wed Oct 10 20:19:24 +0000 2018". Parsed by hand rather than by `new Date(string)`, whose
 * handling of non-ISO strings is implementation-defined. ISO 8601 is accepted too (archives
 * rewritten by third-party tools, and `generationDate` in manifest.js).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const V1_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A v1.1 created_at as it appears in JSON (for detection). */
export const V1_DATE_IN_JSON = /"created_at"\s*:\s*"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} [+-]\d{4} \d{4}"/;

/** Whether a string has the v1.1 shape (not ISO: v2 and other platforms use ISO). */
export function isV1DateString(value: unknown): boolean {
  return typeof value === 'string' && V1_DATE.test(value);
}

export function parseTwitterDate(value: string): Date | null {
  const match = V1_DATE.exec(value);
  if (match !== null) {
    const [, month, day, hours, minutes, seconds, sign, offsetHours, offsetMinutes, year] = match;
    const monthIndex = MONTHS.indexOf(month ?? '');
    if (monthIndex === -1) return null;
    const utc = Date.UTC(Number(year), monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds));
    const offsetMs = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000 * (sign === '-' ? -1 : 1);
    const date = new Date(utc - offsetMs);
    // Rejects impossible dates ("Feb 31") that Date.UTC would silently roll over.
    return Number.isNaN(date.getTime()) || new Date(utc).getUTCDate() !== Number(day) ? null : date;
  }
  if (ISO_DATE.test(value)) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
