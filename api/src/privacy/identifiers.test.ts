import { describe, expect, it } from 'vitest';
import { detectIdentifiers, isValidBsn, isValidIban } from './identifiers.js';

const found = (text: string) => detectIdentifiers(text).map((s) => [s.kind, text.slice(s.start, s.end)]);

describe('isValidBsn (elfproef)', () => {
  it('accepts numbers whose weighted sum is divisible by 11, padding eight digits', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('12345672')).toBe(true); // 012345672
  });
  it('rejects a wrong check digit, all zeros and wrong lengths', () => {
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('1234567890')).toBe(false);
  });
});

describe('isValidIban (mod 97)', () => {
  it('accepts valid Dutch and foreign IBANs, with or without spaces and in lower case', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('nl91abna0417164300')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
  });
  it('rejects a wrong check and a Dutch IBAN of the wrong shape', () => {
    expect(isValidIban('NL92ABNA0417164300')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
  });
});

describe('detectIdentifiers', () => {
  it('finds a BSN written plain, with dots or with spaces, only when it passes the 11-check', () => {
    expect(found('Mijn BSN is 111222333.')).toEqual([['bsn', '111222333']]);
    expect(found('bsn 1234.56.782 graag')).toEqual([['bsn', '1234.56.782']]);
    expect(found('nummer 123 456 782')).toEqual([['bsn', '123 456 782']]);
    expect(found('ordernummer 123456789')).toEqual([]);
  });

  it('leaves dates, amounts, years and long platform ids alone', () => {
    expect(found('Op 20240501 om 10:00, €1.234.567,89, in 2024, zie status/1576994746135764992')).toEqual([]);
    expect(found('Datum 01-05-2024 10:00 uur')).toEqual([]);
  });

  it('finds IBANs, also when a word follows', () => {
    expect(found('Maak over naar NL91ABNA0417164300 voor de actie')).toEqual([
      ['iban', 'NL91ABNA0417164300'],
    ]);
    expect(found('rekening NL91 ABNA 0417 1643 00.')).toEqual([['iban', 'NL91 ABNA 0417 1643 00']]);
    expect(found('niet NL92ABNA0417164300')).toEqual([]);
  });

  it('finds Dutch mobile and landline numbers in the usual notations', () => {
    for (const phone of [
      '06-12345678',
      '0612345678',
      '06 12 34 56 78',
      '+31 6 12345678',
      '+31 (0)6 1234 5678',
      '0031612345678',
      '020-1234567',
      '(020) 123 45 67',
      '070 - 345 67 89',
    ]) {
      expect(found(`Bel ${phone} vandaag`), phone).toEqual([['phone', phone]]);
    }
  });

  it('does not take a too short or too long digit run for a phone number', () => {
    expect(found('Bel 06-1234567 of 06-123456789')).toEqual([]);
  });

  it('finds e-mail addresses', () => {
    expect(found('Mail j.de.vries+woo@example.nl of info@minbzk.nl.')).toEqual([
      ['email', 'j.de.vries+woo@example.nl'],
      ['email', 'info@minbzk.nl'],
    ]);
  });

  it('returns several kinds in text order without overlaps', () => {
    expect(found('BSN 111222333, tel 0612345678, IBAN NL91ABNA0417164300, mail a@b.nl')).toEqual([
      ['bsn', '111222333'],
      ['phone', '0612345678'],
      ['iban', 'NL91ABNA0417164300'],
      ['email', 'a@b.nl'],
    ]);
  });
});
