import { describe, expect, it } from 'vitest';
import { en } from './en';
import { dictionary, resolveLang } from './index';
import { readLangCookie } from './lang.server';
import { nl } from './nl';

function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
  }
  return [`${path}:${typeof value}`];
}

describe('dictionaries', () => {
  it('have the same keys, with the same kinds of values', () => {
    expect(shape(en).sort()).toEqual(shape(nl).sort());
  });

  it('have no empty texts', () => {
    const empty = (d: object) => JSON.stringify(d).includes('""');
    expect(empty(nl) || empty(en)).toBe(false);
  });

  it('interpolate counts per language', () => {
    expect(nl.search.resultCount(1)).toBe('1 resultaat');
    expect(nl.search.resultCount(3000)).toBe('3.000 resultaten');
    expect(en.search.resultCount(3000)).toBe('3,000 results');
  });
});

describe('language choice', () => {
  it('prefers ?lang, then the cookie, then Dutch', () => {
    expect(resolveLang('en', 'nl')).toBe('en');
    expect(resolveLang(null, 'en')).toBe('en');
    expect(resolveLang('fr', null)).toBe('nl');
    expect(dictionary('en').locale).toBe('en-GB');
  });

  it('reads the lang cookie among others', () => {
    expect(readLangCookie('a=1; lang=en; __bewaard_session=x')).toBe('en');
    expect(readLangCookie('language=en')).toBeNull();
    expect(readLangCookie(null)).toBeNull();
  });
});
