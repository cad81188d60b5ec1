import { resolveLang, type Lang } from './index';

export const LANG_COOKIE = 'lang';
const ONE_YEAR_S = 365 * 24 * 3600;

export function readLangCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LANG_COOKIE) return rest.join('=');
  }
  return null;
}

export interface LangChoice {
  lang: Lang;
  /** Set when `?lang=` chose a language other than the cookie's, so the choice sticks. */
  setCookie?: string;
}

export function langFromRequest(request: Request): LangChoice {
  const query = new URL(request.url).searchParams.get('lang');
  const cookie = readLangCookie(request.headers.get('Cookie'));
  const lang = resolveLang(query, cookie);
  if (query === lang && cookie !== lang) {
    return { lang, setCookie: `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax` };
  }
  return { lang };
}
