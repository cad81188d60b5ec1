import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuery } from '../text/query.js';
import { buildFtsMatch, ftsString, typedPhrases } from './fts-query.js';
import { CREATE_SCHEMA } from './schema-sql.js';

const db = new Database(':memory:');
db.exec(CREATE_SCHEMA);
db.prepare('INSERT INTO search_fts (rowid, text, history, author) VALUES (1, ?, ?, ?)').run(
  'De Belastingdienst stuurt voorlopige aanslagen',
  'oude tekst',
  'Belastingdienst',
);
afterAll(() => db.close());
const run = (match: string): number[] =>
  db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck().all(match) as number[];

describe('buildFtsMatch', () => {
  it('quotes every term and joins words with AND, alternatives with OR', () => {
    const q = parseQuery('"voorlopige aanslagen" belastingdinst belas');
    expect(buildFtsMatch(q, (w) => (w.word === 'belastingdinst' ? ['belastingdienst'] : []))).toBe(
      '("belastingdinst" OR "belastingdienst") AND "belas"* AND "voorlopige aanslagen"',
    );
    expect(buildFtsMatch(parseQuery('*'), () => [])).toBeNull();
    expect(ftsString('a"b')).toBe('"a""b"');
  });

  it('lists the typed terms, prefixes and phrases without typo alternatives', () => {
    const q = parseQuery('"voorlopige aanslagen" belastingdinst belas');
    expect(typedPhrases(q)).toEqual(['"belastingdinst"', '"belas"*', '"voorlopige aanslagen"']);
  });

  it('never produces an expression FTS5 rejects, whatever the input', () => {
    const hostile = [
      'foo" OR organisationId:x',
      'NEAR(a b, 2)',
      '*',
      '-',
      '^',
      '\\',
      '"unbalanced',
      'a"b"c"',
      '()',
      'AND OR NOT',
      'text:foo',
      'author : x',
      '{text history}: x',
      '+x',
      'x*y',
      '"" ""',
      "'; DROP TABLE x; --",
      'belastingdienst NOT oude',
      'a AND',
      'OR',
      '\u0000',
      '🙂 emoji',
      'ﬁnanciën',
      '%_',
    ];
    for (const text of hostile) {
      const match = buildFtsMatch(parseQuery(text), () => ['extra']);
      if (match !== null) expect(() => run(match), `${text} → ${match}`).not.toThrow();
    }
  });

  it('keeps operators as words: NOT does not exclude, a column name does not scope', () => {
    expect(run(buildFtsMatch(parseQuery('belastingdienst NOT oude'), () => [])!)).toEqual([]);
    expect(run(buildFtsMatch(parseQuery('belastingdienst oude '), () => [])!)).toEqual([1]);
    expect(run(buildFtsMatch(parseQuery('author:oude '), () => [])!)).toEqual([]);
  });
});
