/**
 * Reading how long to wait from a response. Each platform says it differently; a policy turns
 * the headers into "wait until" (epoch ms) or null when the next request may go at once.
 */
export type RateLimitPolicy = (headers: Headers, now: number) => number | null;

/** `Retry-After`: delay in seconds or an HTTP date. Returns the epoch ms to wait until, or null. */
export function retryAfterUntil(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(now, date);
}

/** A reset header given as epoch seconds, a delay in seconds, or an ISO date (Mastodon). */
function resetUntil(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    const n = Number(trimmed);
    // Epoch seconds are ~1.7e9; anything small is a delay in seconds.
    return n > 1e9 ? n * 1000 : now + n * 1000;
  }
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : date;
}

/** Mastodon (`X-RateLimit-*`, reset as ISO date) and X (`x-rate-limit-*`, reset as epoch seconds): same names, case-insensitive. */
export const remainingResetPolicy: RateLimitPolicy = (headers, now) => {
  const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('x-rate-limit-remaining');
  if (remaining === null || Number(remaining) > 0) return null;
  return resetUntil(headers.get('x-ratelimit-reset') ?? headers.get('x-rate-limit-reset'), now);
};

/** Bluesky PDS/AppView: `ratelimit-remaining` + `ratelimit-reset` (epoch seconds). */
export const blueskyPolicy: RateLimitPolicy = (headers, now) => {
  const remaining = headers.get('ratelimit-remaining');
  if (remaining === null || Number(remaining) > 0) return null;
  return resetUntil(headers.get('ratelimit-reset'), now);
};

/**
 * Meta Graph: `X-App-Usage` / `X-Business-Use-Case-Usage` carry usage percentages. Meta does not
 * say when the window resets, only `estimated_time_to_regain_access` (minutes) for business use
 * cases; at 100 % without that estimate we pause a conservative minute per step.
 */
export const metaPolicy: RateLimitPolicy = (headers, now) => {
  let worst = 0;
  let regainMinutes = 0;
  const app = parseJson(headers.get('x-app-usage'));
  if (app && typeof app === 'object') for (const v of Object.values(app)) worst = Math.max(worst, Number(v) || 0);
  const buc = parseJson(headers.get('x-business-use-case-usage'));
  if (buc && typeof buc === 'object') {
    for (const list of Object.values(buc)) {
      for (const entry of Array.isArray(list) ? (list as Array<Record<string, unknown>>) : []) {
        for (const key of ['call_count', 'total_cputime', 'total_time']) worst = Math.max(worst, Number(entry[key]) || 0);
        regainMinutes = Math.max(regainMinutes, Number(entry.estimated_time_to_regain_access) || 0);
      }
    }
  }
  if (worst < 100) return null;
  return now + Math.max(1, regainMinutes) * 60_000;
};

/** YouTube has a daily quota, not a window: nothing to wait for between requests. */
export const noPolicy: RateLimitPolicy = () => null;

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
