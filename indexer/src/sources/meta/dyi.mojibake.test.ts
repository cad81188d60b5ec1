import { describe, expect, it } from 'vitest';
import { repairMojibake, repairMojibakeDeep } from './dyi.mojibake.js';

/** The strings below are written with JSON's \u escapes exactly as a DYI file holds them. */
const fromJson = (literal: string): string => JSON.parse(`"${literal}"`) as string;

describe('repairMojibake', () => {
  it('repairs Danish and Dutch text mangled as Latin-1', () => {
    expect(repairMojibake(fromJson('Jeg har l\\u00c3\\u00b8st'))).toBe('Jeg har løst');
    expect(repairMojibake(fromJson('Holb\\u00c3\\u00a6k p\\u00c3\\u00a5 s\\u00c3\\u00b8ndag'))).toBe('Holbæk på søndag');
    expect(repairMojibake(fromJson('Co\\u00c3\\u00b6rdinatie, ge\\u00c3\\u00afnteresseerd, ca\\u00c3\\u00a9'))).toBe(
      'Coördinatie, geïnteresseerd, caé',
    );
    // En dash, E2 80 93, from a real DYI post ("\u00e2\u0080\u0093").
    expect(repairMojibake(fromJson('Holb\\u00c3\\u00a6k \\u00e2\\u0080\\u0093 S\\u00c3\\u00b8ndag'))).toBe('Holbæk – Søndag');
  });

  it('repairs emoji (four UTF-8 bytes become one astral character)', () => {
    expect(repairMojibake(fromJson('Fijne dag \\u00f0\\u009f\\u0098\\u0080'))).toBe('Fijne dag 😀');
    expect(repairMojibake(fromJson('\\u00f0\\u009f\\u0087\\u00b3\\u00f0\\u009f\\u0087\\u00b1'))).toBe('🇳🇱');
  });

  it('leaves text that is already right untouched', () => {
    for (const text of ['Jeg har løst', 'Ministerie van Volksgezondheid, Welzijn en Sport', 'café', 'Coördinatie', 'Fijne dag 😀', '€ 5,-', '']) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it('leaves Latin-1 byte sequences that are not valid UTF-8 untouched (no guessing)', () => {
    const broken = fromJson('half \\u00c3 character');
    expect(repairMojibake(broken)).toBe(broken);
  });

  it('repairs every string and key of a parsed DYI value without touching numbers', () => {
    const value = JSON.parse(
      '{"title": "L\\u00c3\\u00b8ye", "data": [{"post": "S\\u00c3\\u00b8ndag"}], "timestamp": 1325790129}',
    ) as unknown;
    expect(repairMojibakeDeep(value)).toEqual({ title: 'Løye', data: [{ post: 'Søndag' }], timestamp: 1325790129 });
  });
});
