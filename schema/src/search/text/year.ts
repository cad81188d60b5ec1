/** The archive's legal time zone: facets by year follow the Dutch calendar, not UTC. */
export const ARCHIVE_TIME_ZONE = 'Europe/Amsterdam';

const yearFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ARCHIVE_TIME_ZONE, year: 'numeric' });

/** Calendar year of an epoch-millisecond instant in Europe/Amsterdam. */
export function yearOf(epochMs: number): number {
  return Number(yearFormat.format(new Date(epochMs)));
}

/**
 * The [from, to) range of a year in Europe/Amsterdam, as SearchFilter bounds. New Year is always in
 * winter time (UTC+1), so the offset is fixed.
 */
export function yearRange(year: number): { from: number; to: number } {
  const hour = 3_600_000;
  return { from: Date.UTC(year, 0, 1) - hour, to: Date.UTC(year + 1, 0, 1) - hour };
}
