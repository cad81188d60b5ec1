import { createCookieSessionStorage, type Session, type SessionStorage } from '@remix-run/node';
import { env } from './env.server';
import type { SessionUser } from './graphql/types';

interface SessionData {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

export type PortalSession = Session<SessionData>;

let storage: SessionStorage<SessionData> | undefined;

function sessionStorage(): SessionStorage<SessionData> {
  if (!storage) {
    const { sessionSecrets, production } = env();
    storage = createCookieSessionStorage<SessionData>({
      cookie: {
        name: '__bewaard_session',
        httpOnly: true,
        sameSite: 'lax',
        secure: production,
        path: '/',
        secrets: sessionSecrets,
      },
    });
  }
  return storage;
}

export function getSession(request: Request): Promise<PortalSession> {
  return sessionStorage().getSession(request.headers.get('Cookie'));
}

export function commitSession(session: PortalSession, expires?: Date): Promise<string> {
  return sessionStorage().commitSession(session, expires ? { expires } : undefined);
}

export function destroySession(session: PortalSession): Promise<string> {
  return sessionStorage().destroySession(session);
}

export interface Auth {
  token: string;
  user: SessionUser;
}

/** The logged-in user per the cookie alone (the API has the last word on whether the token still works). */
export function readAuth(session: PortalSession, now: Date = new Date()): Auth | null {
  const token = session.get('token');
  const user = session.get('user');
  const expiresAt = session.get('expiresAt');
  if (!token || !user) return null;
  if (expiresAt && Date.parse(expiresAt) <= now.getTime()) return null;
  return { token, user };
}
