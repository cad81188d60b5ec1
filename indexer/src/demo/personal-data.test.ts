import { describe, expect, it } from 'vitest';
import {
  formatIbanGrouped,
  generateBsn,
  generateBsnValue,
  generateEmailAddress,
  generateIban,
  generateIbanValue,
  generateLandlineNumber,
  generateMobileNumber,
  isDutchMobileNumber,
  isValidBsn,
  isValidDutchPhoneNumber,
  isValidEmailAddress,
  isValidIban,
  normaliseDutchPhoneNumber,
} from './personal-data.js';
import { Prng } from './prng.js';

describe('BSN', () => {
  it('generates numbers that pass the 11-check', () => {
    const rng = new Prng(1);
    for (let i = 0; i < 2000; i++) {
      const bsn = generateBsn(rng);
      expect(bsn).toMatch(/^\d{9}$/);
      expect(isValidBsn(bsn)).toBe(true);
    }
    for (let i = 0; i < 200; i++) expect(isValidBsn(generateBsnValue(rng).written)).toBe(true);
  });

  it('accepts known-good numbers, with or without dots, and 8 digits padded', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('1234.56.782')).toBe(true);
    expect(isValidBsn('11122233')).toBe(false);
    expect(isValidBsn('12345672')).toBe(true); // read as 012345672
  });

  it('rejects known-bad values', () => {
    for (const bad of [
      '123456789',
      '111222334',
      '000000000',
      '12345678a',
      '1234567',
      '1111111111',
      '',
      'BSN',
    ]) {
      expect(isValidBsn(bad), bad).toBe(false);
    }
  });
});

describe('IBAN', () => {
  it('generates Dutch IBANs with a valid mod-97 check', () => {
    const rng = new Prng(2);
    for (let i = 0; i < 2000; i++) {
      const iban = generateIban(rng);
      expect(iban).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/);
      expect(isValidIban(iban)).toBe(true);
      expect(isValidIban(formatIbanGrouped(iban))).toBe(true);
    }
    for (let i = 0; i < 200; i++) expect(isValidIban(generateIbanValue(rng).written)).toBe(true);
  });

  it('accepts known-good and rejects known-bad values', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('nl91abna0417164300')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    for (const bad of [
      'NL91ABNA0417164301',
      'NL92ABNA0417164300',
      'NL91ABNA041716430',
      'NL91ABNA04171643000',
      'NL9IABNA0417164300',
      'NL911BNA0417164300',
      'GB82WEST12345698765431',
      '',
    ]) {
      expect(isValidIban(bad), bad).toBe(false);
    }
  });
});

describe('phone numbers and e-mail', () => {
  it('generates valid mobile and landline numbers in several spellings', () => {
    const rng = new Prng(3);
    for (let i = 0; i < 500; i++) {
      const mobile = generateMobileNumber(rng);
      expect(isValidDutchPhoneNumber(mobile.written), mobile.written).toBe(true);
      expect(isDutchMobileNumber(mobile.written)).toBe(true);
      expect(normaliseDutchPhoneNumber(mobile.written)).toBe(mobile.normalised);
      const landline = generateLandlineNumber(rng);
      expect(isValidDutchPhoneNumber(landline.written), landline.written).toBe(true);
      expect(isDutchMobileNumber(landline.written)).toBe(false);
      expect(normaliseDutchPhoneNumber(landline.written)).toBe(landline.normalised);
    }
  });

  it('normalises international spellings and rejects malformed numbers', () => {
    expect(normaliseDutchPhoneNumber('+31 6 12345678')).toBe('0612345678');
    expect(normaliseDutchPhoneNumber('+31 (0)20 123 4567')).toBe('0201234567');
    expect(normaliseDutchPhoneNumber('0031 70 1234567')).toBe('0701234567');
    for (const bad of ['12345', '06-1234567', '06-123456789', '0012345678', '+32 2 123 45 67', '']) {
      expect(isValidDutchPhoneNumber(bad), bad).toBe(false);
    }
  });

  it('generates e-mail addresses on reserved example domains', () => {
    const rng = new Prng(4);
    for (let i = 0; i < 200; i++) {
      const email = generateEmailAddress(rng, 'Zeynep', 'van der Heijden');
      expect(isValidEmailAddress(email.written), email.written).toBe(true);
      expect(email.written).toMatch(/@(example\.(com|net|org)|mail\.example|post\.example)$/);
    }
    for (const bad of ['foo@', '@example.com', 'a b@example.com', 'name@localhost', '']) {
      expect(isValidEmailAddress(bad), bad).toBe(false);
    }
  });
});
