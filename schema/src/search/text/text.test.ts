import { describe, expect, it } from 'vitest';
import { highlightText } from './highlight.js';
import { matchedVersionNo } from './match.js';
import { normaliseWord, tokenise } from './normalise.js';
import { parseQuery } from './query.js';
import { allowedTypos, typoDistance } from './typo.js';
import { yearOf, yearRange } from './year.js';

describe('tokenise', () => {
  it('folds case and diacritics and splits on everything but letters and digits', () => {
    expect(tokenise('Financiële STEUN voor #Zwolle, @gemeente_zwolle! 2024')).toEqual([
      'financiele',
      'steun',
      'voor',
      'zwolle',
      'gemeente',
      'zwolle',
      '2024',
    ]);
    expect(normaliseWord('Één')).toBe('een');
    expect(tokenise('café\u0301 naïef')).toEqual(['cafe', 'naief']);
  });
});

describe('parseQuery', () => {
  it('splits words and phrases; the typed last word is a prefix', () => {
    const q = parseQuery('minister "voorlopige aanslagen" belast');
    expect(q.phrases).toEqual([['voorlopige', 'aanslagen']]);
    expect(q.words.map((w) => [w.word, w.prefix, w.typos])).toEqual([
      ['minister', false, 1],
      ['belast', true, 1],
    ]);
  });

  it('does not complete a word followed by a space, a closing quote, or shorter than two letters', () => {
    expect(parseQuery('belast ').words[0]?.prefix).toBe(false);
    expect(parseQuery('"belast"').words[0]).toMatchObject({ prefix: false, exact: true, typos: 0 });
    expect(parseQuery('b').words[0]?.prefix).toBe(false);
  });

  it('treats an unbalanced quote as a separator', () => {
    const q = parseQuery('gemeente "zwolle');
    expect(q.phrases).toEqual([]);
    expect(q.words.map((w) => w.word)).toEqual(['gemeente', 'zwolle']);
  });

  it('drops stop words unless they are all there is or still being typed', () => {
    expect(parseQuery('de belastingdienst en ').words.map((w) => w.word)).toEqual(['belastingdienst']);
    expect(parseQuery('de het ').words.map((w) => w.word)).toEqual(['de', 'het']);
    expect(parseQuery('belasting de').words.map((w) => w.word)).toEqual(['belasting', 'de']);
  });

  it('yields no terms from operators alone', () => {
    for (const text of ['', '*', '-', '"', '""', '()', '^', '\\', ':'])
      expect(parseQuery(text)).toEqual({ words: [], phrases: [] });
  });

  it('adds synonyms and no typos for words with digits', () => {
    expect(parseQuery('wob ').words[0]?.synonyms).toEqual(['woo']);
    expect(allowedTypos('covid19')).toBe(0);
  });
});

describe('typoDistance', () => {
  it('counts substitutions, insertions, deletions and adjacent transpositions as one', () => {
    expect(typoDistance('belastingdienst', 'belastingdinst', 2)).toBe(1);
    expect(typoDistance('gemeentehuis', 'gemeentehius', 2)).toBe(1);
    expect(typoDistance('financiele', 'financien', 2)).toBe(2);
    expect(typoDistance('zwolle', 'amsterdam', 2)).toBe(3);
    expect(allowedTypos('klim')).toBe(0);
    expect(allowedTypos('klimaat')).toBe(1);
    expect(allowedTypos('klimaatakkoord')).toBe(2);
  });
});

describe('matchedVersionNo', () => {
  const versions = [
    { versionNo: 1, text: 'gemeentehuis open' },
    { versionNo: 2, text: 'stadskantoor open' },
  ];
  it('names the newest version with every word, else the one with most, else the current', () => {
    expect(matchedVersionNo(versions, parseQuery('open'))).toBe(2);
    expect(matchedVersionNo(versions, parseQuery('gemeentehuis'))).toBe(1);
    expect(matchedVersionNo(versions, parseQuery('gemeentehuis stadskantoor'))).toBe(2);
    expect(matchedVersionNo(versions, parseQuery('jansen'))).toBe(2);
    expect(matchedVersionNo(versions, parseQuery(''))).toBeNull();
  });
});

describe('highlightText', () => {
  it('marks matched words, phrases and prefixes and escapes the rest', () => {
    const q = parseQuery('"voorlopige aanslagen" belast');
    expect(highlightText('De <b>Belastingdienst</b> stuurt voorlopige aanslagen & meer', q)).toBe(
      'De &lt;b&gt;<mark>Belastingdienst</mark>&lt;/b&gt; stuurt <mark>voorlopige</mark> <mark>aanslagen</mark> &amp; meer',
    );
  });

  it('cuts a long text to a snippet around the first match', () => {
    const text = `${'Lange inleiding zonder treffer. '.repeat(20)}Hier staat het woord klimaatakkoord. ${'Daarna nog veel meer tekst. '.repeat(20)}`;
    const html = highlightText(text, parseQuery('klimaatakkoord'));
    expect(html.startsWith('…')).toBe(true);
    expect(html.endsWith('…')).toBe(true);
    expect(html).toContain('<mark>klimaatakkoord</mark>');
    expect(html.length).toBeLessThan(260);
    expect(highlightText(text, null).startsWith('Lange inleiding')).toBe(true);
  });
});

describe('year', () => {
  it('counts the year in Amsterdam time', () => {
    expect(yearOf(Date.parse('2022-12-31T23:30:00Z'))).toBe(2023);
    expect(yearOf(Date.parse('2023-12-31T22:59:59Z'))).toBe(2023);
    const r = yearRange(2023);
    expect(yearOf(r.from)).toBe(2023);
    expect(yearOf(r.from - 1)).toBe(2022);
    expect(yearOf(r.to)).toBe(2024);
  });
});

describe('typoDistance against the full matrix', () => {
  /** Textbook optimal-string-alignment distance over the full matrix, as the reference. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        d[i]![j] = Math.min(
          d[i - 1]![j]! + 1,
          d[i]![j - 1]! + 1,
          d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  }

  it('equals the full-matrix distance (capped at max + 1) on many random pairs', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0);
    const word = () => Array.from({ length: 1 + (next() % 12) }, () => 'abcdé'[next() % 5]).join('');
    for (let k = 0; k < 5000; k++) {
      const a = word();
      const b = k % 3 === 0 ? a.slice(0, -1) + 'x' : word();
      const max = next() % 4;
      expect(typoDistance(a, b, max), `${a} ${b} ${max}`).toBe(Math.min(reference(a, b), max + 1));
    }
  });
});
