import { en } from './en';
import { nl, type Dictionary } from './nl';

export type { Dictionary };

export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'nl';

const DICTIONARIES: Record<Lang, Dictionary> = { nl, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function dictionary(lang: Lang): Dictionary {
  return DICTIONARIES[lang];
}

/** `?lang=` wins over the cookie, which wins over the default (Dutch). */
export function resolveLang(queryValue: string | null, cookieValue: string | null): Lang {
  if (isLang(queryValue)) return queryValue;
  if (isLang(cookieValue)) return cookieValue;
  return DEFAULT_LANG;
}
