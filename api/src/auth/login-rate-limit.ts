import { AppError, ErrorCode } from '../errors/app-error.js';

export interface LoginRateLimitOptions {
  /** Failed logins from one client address within the window before further logins are refused. */
  maxFailures: number;
  windowMs: number;
  /** Addresses remembered at most; the oldest are forgotten first (bounded memory under attack). */
  maxTrackedClients?: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  maxTrackedClients: 10_000,
};

/**
 * Failed logins per client address in a sliding window, in memory. Complements the per-account
 * lockout: that stops guessing one account's password, this stops one client trying passwords
 * across many accounts. Per process: with several API processes the limit applies to each.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginRateLimitOptions = DEFAULT_LOGIN_RATE_LIMIT) {}

  /** Throws TOO_MANY_REQUESTS when the address used up its failures; checked before any password work. */
  check(client: string | null, now = Date.now()): void {
    if (!client) return;
    if (this.recent(client, now).length >= this.options.maxFailures) {
      throw new AppError(
        ErrorCode.TOO_MANY_REQUESTS,
        'Too many failed logins from this address; try again later',
      );
    }
  }

  recordFailure(client: string | null, now = Date.now()): void {
    if (!client) return;
    const recent = this.recent(client, now);
    recent.push(now);
    this.failures.delete(client);
    this.failures.set(client, recent);
    const max = this.options.maxTrackedClients ?? 10_000;
    while (this.failures.size > max) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(client: string, now: number): number[] {
    return (this.failures.get(client) ?? []).filter((t) => t > now - this.options.windowMs);
  }
}
