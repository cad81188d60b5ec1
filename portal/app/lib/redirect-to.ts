export const DEFAULT_AFTER_LOGIN = '/zoeken';

// Control characters and backslashes are rejected because browsers strip or normalise them
// ("/\t/evil.example", "/\\evil.example" both become protocol-relative "//evil.example").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/** Returns `value` when it is a same-site path (not a login/logout loop), else `fallback`. */
export function safeRedirect(value: unknown, fallback: string = DEFAULT_AFTER_LOGIN): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) return fallback;
  const base = 'http://portal.invalid';
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  if (url.pathname === '/login' || url.pathname === '/logout') return fallback;
  return url.pathname + url.search + url.hash;
}

/** The login page URL that comes back to `pathWithSearch` afterwards; `expired` explains why. */
export function loginUrl(pathWithSearch: string, expired = false): string {
  const params = new URLSearchParams();
  const target = safeRedirect(pathWithSearch, '');
  if (target !== '' && target !== '/' && target !== DEFAULT_AFTER_LOGIN) params.set('redirectTo', target);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}
