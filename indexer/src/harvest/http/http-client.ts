import { systemClock, type Clock } from './clock.js';
import { noPolicy, retryAfterUntil, type RateLimitPolicy } from './rate-limit.js';

/** One fetched response: the body goes to a source's `readContent` with the URL as its label. */
export interface FetchedPage {
  url: string;
  status: number;
  headers: Headers;
  body: string;
}

/** A response the harvest cannot use (4xx other than 429, or retries exhausted). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly url: string,
    readonly status: number | null,
    readonly body: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HttpClientOptions {
  baseUrl: string;
  /** Bearer token of the account's credentials; omitted when the API is public. */
  token?: string | null;
  /** Some APIs (YouTube) take a key as a query parameter rather than a bearer token. */
  query?: Record<string, string>;
  clock?: Clock;
  rateLimit?: RateLimitPolicy;
  /** Retries after 429, 5xx and network errors before giving up. */
  maxRetries?: number;
  /** First backoff step; doubles each retry (with jitter). */
  backoffMs?: number;
  /** Longest single wait we accept from a server (protects against absurd reset values). */
  maxWaitMs?: number;
  random?: () => number;
  fetch?: typeof fetch;
}

/**
 * A small GET client over `fetch` for the platform APIs. It waits instead of failing: on 429
 * (Retry-After), when the platform's rate-limit headers say the window is used up, and with
 * exponential backoff on 5xx and network errors, up to `maxRetries`.
 */
export class HttpClient {
  private readonly clock: Clock;
  private readonly rateLimit: RateLimitPolicy;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly random: () => number;
  private readonly doFetch: typeof fetch;
  /** Set when the last response said the window is used up: the next request waits for it. */
  private blockedUntil = 0;

  constructor(private readonly options: HttpClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.rateLimit = options.rateLimit ?? noPolicy;
    this.maxRetries = options.maxRetries ?? 5;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000;
    this.random = options.random ?? Math.random;
    this.doFetch = options.fetch ?? fetch;
  }

  /** Resolves a path (or absolute URL, e.g. from a `Link` header) against the base URL. */
  url(pathOrUrl: string, params: Record<string, string | number | null | undefined> = {}): string {
    const url = new URL(pathOrUrl, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    for (const [k, v] of Object.entries({ ...this.options.query, ...params })) {
      if (v !== null && v !== undefined && !url.searchParams.has(k)) url.searchParams.set(k, String(v));
    }
    return url.toString();
  }

  async get(pathOrUrl: string, params: Record<string, string | number | null | undefined> = {}): Promise<FetchedPage> {
    const url = this.url(pathOrUrl, params);
    for (let attempt = 0; ; attempt++) {
      await this.waitUntil(this.blockedUntil);
      let response: Response;
      try {
        response = await this.doFetch(url, { headers: this.headers() });
      } catch (err) {
        if (attempt >= this.maxRetries) throw new HttpError(url, null, '', `${url}: ${(err as Error).message} (after ${attempt + 1} attempts)`);
        await this.clock.sleep(this.backoff(attempt));
        continue;
      }
      const body = await response.text();
      const now = this.clock.now();
      this.blockedUntil = this.rateLimit(response.headers, now) ?? 0;
      if (response.ok) return { url, status: response.status, headers: response.headers, body };
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= this.maxRetries) {
        throw new HttpError(url, response.status, body, `${url}: HTTP ${response.status}${retryable ? ` (after ${attempt + 1} attempts)` : ''}`);
      }
      const until = response.status === 429 ? (retryAfterUntil(response.headers.get('retry-after'), now) ?? this.blockedUntil) : 0;
      if (until > now) this.blockedUntil = Math.max(this.blockedUntil, until);
      else await this.clock.sleep(this.backoff(attempt));
    }
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { accept: 'application/json' };
    if (this.options.token) h.authorization = `Bearer ${this.options.token}`;
    return h;
  }

  /** Equal jitter (half fixed, half random) on the exponential step, so many harvesters do not retry in lockstep. */
  private backoff(attempt: number): number {
    const cap = this.backoffMs * 2 ** attempt;
    return Math.min(this.maxWaitMs, Math.round(cap / 2 + (this.random() * cap) / 2));
  }

  private async waitUntil(until: number): Promise<void> {
    const wait = until - this.clock.now();
    if (wait <= 0) return;
    if (wait > this.maxWaitMs) throw new HttpError(this.options.baseUrl, 429, '', `rate limited for ${Math.ceil(wait / 1000)} s, longer than the ${this.maxWaitMs / 1000} s we wait`);
    await this.clock.sleep(wait);
  }
}
