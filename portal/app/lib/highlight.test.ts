import { describe, expect, it } from 'vitest';
import { sanitizeHighlight } from './highlight';

describe('sanitizeHighlight', () => {
  it('keeps escaped text with mark tags as HTML', () => {
    const s = 'De <mark>minister</mark> zegt &quot;ja&quot; &amp; <mark>nee</mark>';
    expect(sanitizeHighlight(s)).toEqual({ kind: 'html', html: s });
  });

  it('accepts text without any tags', () => {
    expect(sanitizeHighlight('gewoon tekst &lt;b&gt;')).toEqual({
      kind: 'html',
      html: 'gewoon tekst &lt;b&gt;',
    });
  });

  it.each([
    'a <script>alert(1)</script> b',
    '<mark onclick="x()">hoi</mark>',
    '<img src=x onerror=alert(1)>',
    '<MARK>hoi</MARK>',
    'a < b en <mark>c</mark>',
    'pijl -> <mark>rechts</mark>',
    '<mark>open',
    'dicht</mark>',
    '<mark><mark>genest</mark></mark>',
    '<mark >spatie</mark>',
    '</mark><mark>',
  ])('falls back to text for %s', (s) => {
    expect(sanitizeHighlight(s)).toEqual({ kind: 'text', text: s });
  });
});
