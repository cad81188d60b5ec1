import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limit.js';

describe('LoginRateLimiter', () => {
  it('refuses an address after its failures in the window, and forgets them after the window', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 3, windowMs: 1000 });
    for (let i = 0; i < 3; i++) {
      limiter.check('10.0.0.1', i);
      limiter.recordFailure('10.0.0.1', i);
    }
    expect(() => limiter.check('10.0.0.1', 10)).toThrow(/Too many failed logins/);
    expect(() => limiter.check('10.0.0.2', 10)).not.toThrow();
    expect(() => limiter.check('10.0.0.1', 1001)).not.toThrow();
  });

  it('keeps at most maxTrackedClients addresses', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 1, windowMs: 1000, maxTrackedClients: 2 });
    limiter.recordFailure('a', 0);
    limiter.recordFailure('b', 0);
    limiter.recordFailure('c', 0);
    expect(() => limiter.check('a', 1)).not.toThrow();
    expect(() => limiter.check('c', 1)).toThrow();
  });
});
