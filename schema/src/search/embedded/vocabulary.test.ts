import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CREATE_SCHEMA } from './schema-sql.js';
import { MAX_TYPO_CANDIDATES, Vocabulary } from './vocabulary.js';

function vocabulary(): Vocabulary {
  const db = new Database(':memory:');
  db.exec(CREATE_SCHEMA);
  return new Vocabulary(db);
}

describe('Vocabulary', () => {
  it('finds terms within the typo distance that share the first letter, closest first', () => {
    const v = vocabulary();
    v.add(['belastingdienst', 'belastingdiensten', 'belastingen', 'gelastingdienst', 'klimaat', 'klimaten']);
    expect(v.candidates('belastingdinst', 2)).toEqual(['belastingdienst']);
    expect(v.candidates('belastingdienste', 2)).toEqual(['belastingdienst', 'belastingdiensten']);
    expect(v.candidates('klimat', 1)).toEqual(['klimaat']);
    expect(v.candidates('klimaat', 1)).toEqual([]);
    expect(v.candidates('klimaat', 0)).toEqual([]);
  });

  it('keeps four-letter terms (a five-letter word may be one typo away), skips digits, caps the expansion', () => {
    const v = vocabulary();
    v.add(['zorg', 'zon', 'covid19']);
    expect(v.candidates('zorgg', 1)).toEqual(['zorg']);
    expect(v.candidates('zonne', 2)).toEqual([]);
    expect(v.candidates('covid10', 1)).toEqual([]);
    v.add(
      Array.from(
        { length: 40 },
        (_, i) => `subsidie${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : 'x'}`,
      ),
    );
    expect(v.candidates('subsidiex', 2)).toHaveLength(MAX_TYPO_CANDIDATES);
  });

  it('sees terms added after a lookup once invalidated', () => {
    const v = vocabulary();
    expect(v.candidates('omgevingwet', 2)).toEqual([]);
    v.add(['omgevingswet']);
    v.invalidate();
    expect(v.candidates('omgevingwet', 2)).toEqual(['omgevingswet']);
  });
});
