import { describe, expect, it } from 'vitest';
import { loginUrl, safeRedirect } from './redirect-to';

describe('safeRedirect', () => {
  it.each(['/zoeken', '/zoeken?q=minister&platform=x', '/items/123', '/items/abc#versies'])(
    'allows %s',
    (p) => {
      expect(safeRedirect(p)).toBe(p);
    },
  );

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'zoeken',
    '',
    '/login',
    '/login?redirectTo=/zoeken',
    '/logout',
  ])('rejects %j', (p) => {
    expect(safeRedirect(p)).toBe('/zoeken');
  });

  it('rejects non-strings and uses the given fallback', () => {
    expect(safeRedirect(null, '/x')).toBe('/x');
    expect(safeRedirect(['/zoeken'], '/x')).toBe('/x');
  });
});

describe('loginUrl', () => {
  it('carries the page to return to', () => {
    expect(loginUrl('/items/7?lang=en')).toBe('/login?redirectTo=%2Fitems%2F7%3Flang%3Den');
  });

  it('omits the default target and marks an expired session', () => {
    expect(loginUrl('/zoeken')).toBe('/login');
    expect(loginUrl('/', true)).toBe('/login?expired=1');
  });
});
