import { gql, type ApiResult } from './client.server';
import type { SessionUser } from './types';

export interface LoginData {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

const LOGIN = `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { token expiresAt user { id email displayName } }
  }
`;

export async function login(email: string, password: string, forwardedFor?: string | null): Promise<ApiResult<LoginData>> {
  const result = await gql<{ login: LoginData }>(LOGIN, { email, password }, undefined, forwardedFor);
  return result.ok ? { ok: true, data: result.data.login } : result;
}

const LOGOUT = `mutation Logout { logout }`;

export async function logout(token: string): Promise<ApiResult<boolean>> {
  const result = await gql<{ logout: boolean }>(LOGOUT, {}, token);
  return result.ok ? { ok: true, data: result.data.logout } : result;
}
