import { env } from '../env.server';

export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INTERNAL_SERVER_ERROR',
  /** Not from the API: it could not be reached or answered something that is not GraphQL. */
  'API_UNAVAILABLE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

const TIMEOUT_MS = 15_000;

interface GraphQLResponseBody {
  data?: unknown;
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

function toCode(raw: unknown): ApiErrorCode {
  if (raw === 'GRAPHQL_VALIDATION_FAILED' || raw === 'GRAPHQL_PARSE_FAILED' || raw === 'BAD_REQUEST') {
    return 'BAD_USER_INPUT';
  }
  return API_ERROR_CODES.find((c) => c === raw) ?? 'INTERNAL_SERVER_ERROR';
}

/** Turns a GraphQL response body into a result; the first error wins, partial data is not used. */
export function interpretBody<T>(body: unknown): ApiResult<T> {
  if (typeof body !== 'object' || body === null) {
    return { ok: false, error: { code: 'API_UNAVAILABLE', message: 'API answered without a GraphQL body' } };
  }
  const { data, errors } = body as GraphQLResponseBody;
  if (Array.isArray(errors) && errors.length > 0) {
    const first = errors[0];
    const message = typeof first?.message === 'string' ? first.message : 'Unknown API error';
    return { ok: false, error: { code: toCode(first?.extensions?.code), message } };
  }
  if (data === undefined || data === null) {
    return { ok: false, error: { code: 'API_UNAVAILABLE', message: 'API answered without data' } };
  }
  return { ok: true, data: data as T };
}

/** Sends one operation to the API. Never throws: transport problems come back as API_UNAVAILABLE. */
export async function gql<T>(
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  forwardedFor?: string | null,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  // The visitor's address as the reverse proxy in front of the portal reported it, so the API's
  // per-address login limit and audit trail see people, not the portal.
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  let response: Response;
  try {
    response = await fetch(env().apiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    return { ok: false, error: { code: 'API_UNAVAILABLE', message: `API not reachable: ${String(err)}` } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return {
      ok: false,
      error: { code: 'API_UNAVAILABLE', message: `API answered HTTP ${response.status} without JSON` },
    };
  }
  return interpretBody<T>(body);
}
