import { createSession } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.server';
import { readAuth, type PortalSession } from './session.server';

const user = { id: 'u1', email: 'woo@org-a.example.org', displayName: 'Woo' };
const session = (data: Record<string, unknown>) => createSession(data) as unknown as PortalSession;

describe('readAuth', () => {
  const now = new Date('2026-01-01T12:00:00Z');

  it('returns the token while it has not expired', () => {
    expect(readAuth(session({ token: 't', user, expiresAt: '2026-01-01T13:00:00Z' }), now)).toEqual({
      token: 't',
      user,
    });
  });

  it('treats an expired or incomplete session as logged out', () => {
    expect(readAuth(session({ token: 't', user, expiresAt: '2026-01-01T11:59:59Z' }), now)).toBeNull();
    expect(readAuth(session({ user }), now)).toBeNull();
    expect(readAuth(session({}), now)).toBeNull();
  });
});

describe('parseEnv', () => {
  it('defaults the API URL and generates a secret when none is set', () => {
    const env = parseEnv({});
    expect(env.apiUrl).toBe('http://127.0.0.1:4000/graphql');
    expect(env.generatedSecret).toBe(true);
    expect(env.sessionSecrets[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(env.production).toBe(false);
  });

  it('takes rotated secrets and rejects a non-http API URL', () => {
    expect(parseEnv({ SESSION_SECRET: 'new, old', NODE_ENV: 'production' })).toMatchObject({
      sessionSecrets: ['new', 'old'],
      production: true,
      generatedSecret: false,
    });
    expect(() => parseEnv({ API_URL: 'ftp://x' })).toThrow(/API_URL/);
  });
});
