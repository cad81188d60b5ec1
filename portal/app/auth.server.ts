import { data, redirect } from '@remix-run/node';
import type { ApiError, ApiResult } from './graphql/client.server';
import { loginUrl } from './lib/redirect-to';
import { throwResponse } from './lib/remix-flow.server';
import { destroySession, getSession, readAuth, type Auth } from './session.server';

function pathOf(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** The caller's token, or a redirect to the login page that returns here afterwards. */
export async function requireAuth(request: Request): Promise<Auth> {
  const session = await getSession(request);
  const auth = readAuth(session);
  if (!auth) {
    const headers = session.has('token') ? { 'Set-Cookie': await destroySession(session) } : undefined;
    throwResponse(redirect(loginUrl(pathOf(request), session.has('token')), { headers }));
  }
  return auth;
}

const STATUS_BY_CODE: Record<Exclude<ApiError['code'], 'UNAUTHENTICATED'>, number> = {
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  INTERNAL_SERVER_ERROR: 500,
  API_UNAVAILABLE: 503,
};

/** Error payload for route error boundaries; the message stays server-side. */
export interface PageError {
  code: ApiError['code'];
}

/**
 * Unwraps an API result for a page loader. A token the API no longer accepts (expired, revoked)
 * ends the portal session too, so the user is not stuck with a dead cookie.
 */
export async function expectOk<T>(request: Request, result: ApiResult<T>): Promise<T> {
  if (result.ok) return result.data;
  const { code, message } = result.error;
  if (code === 'UNAUTHENTICATED') {
    const session = await getSession(request);
    throwResponse(
      redirect(loginUrl(pathOf(request), true), { headers: { 'Set-Cookie': await destroySession(session) } }),
    );
  }
  if (code !== 'NOT_FOUND') console.error(`API error ${code} for ${pathOf(request)}: ${message}`);
  throwResponse(data<PageError>({ code }, { status: STATUS_BY_CODE[code] }));
}
