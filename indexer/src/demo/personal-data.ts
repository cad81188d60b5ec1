/**
 * Fictional personal identifiers for the demo archive, and the checks a Woo redaction must apply
 * to recognise real ones (see shared/domain/woo-and-archiving.md). The numbers are drawn at random
 * and are not known to belong to anyone; the e-mail domains are reserved for examples (RFC 2606).
 */
import type { Prng } from './prng.js';

export type PersonalDataKind = 'bsn' | 'iban' | 'phone-mobile' | 'phone-landline' | 'email';
export const PERSONAL_DATA_KINDS: readonly PersonalDataKind[] = [
  'bsn',
  'iban',
  'phone-mobile',
  'phone-landline',
  'email',
];

export interface PersonalDataValue {
  kind: PersonalDataKind;
  /** Exactly as it appears in the text. */
  written: string;
  /** Digits only (BSN, phone as national 10 digits), compact upper case (IBAN), lower case (e-mail). */
  normalised: string;
}

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** The BSN 11-check (elfproef): 8 or 9 digits, dots/spaces allowed, not all zeros. */
export function isValidBsn(value: string): boolean {
  const compact = value.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(compact)) return false;
  const digits = compact.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (BSN_WEIGHTS[i] ?? 0);
  return sum !== 0 && sum % 11 === 0 && !/^0+$/.test(digits);
}

export function generateBsn(rng: Prng): string {
  for (;;) {
    let digits = String(rng.int(1, 6)) + rng.digits(7);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (BSN_WEIGHTS[i] ?? 0);
    const check = sum % 11;
    if (check > 9) continue;
    digits += String(check);
    if (isValidBsn(digits)) return digits;
  }
}

/** Remainder mod 97 of a long decimal string, in chunks so it never leaves safe-integer range. */
function mod97(numeric: string): number {
  let remainder = 0;
  for (let i = 0; i < numeric.length; i += 7) {
    remainder = Number(String(remainder) + numeric.slice(i, i + 7)) % 97;
  }
  return remainder;
}

function ibanNumeric(rearranged: string): string {
  let out = '';
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String(code - 55) : ch;
  }
  return out;
}

const IBAN_LENGTHS: Readonly<Record<string, number>> = { NL: 18, BE: 16, DE: 22, FR: 27, LU: 20, GB: 22 };

/** ISO 13616 check (mod-97 = 1); Dutch IBANs also need the NLkk BBBB 0123456789 shape. */
export function isValidIban(value: string): boolean {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  if (compact.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(compact)) return false;
  return mod97(ibanNumeric(compact.slice(4) + compact.slice(0, 4))) === 1;
}

const BANK_CODES = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'BUNQ', 'KNAB'] as const;

export function generateIban(rng: Prng): string {
  const bban = rng.pick(BANK_CODES) + rng.digits(10);
  const check = 98 - mod97(ibanNumeric(`${bban}NL00`));
  return `NL${String(check).padStart(2, '0')}${bban}`;
}

export function formatIbanGrouped(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Dutch numbers: 10 digits nationally (+31 / 0031 replaced by 0), never starting 00. */
export function normaliseDutchPhoneNumber(value: string): string | null {
  let compact = value.replace(/[\s.()-]/g, '');
  // "+31 (0)6 …" is common in signatures: the trunk 0 after the country code is dropped.
  if (compact.startsWith('+31')) compact = `0${compact.slice(3).replace(/^0/, '')}`;
  else if (compact.startsWith('0031')) compact = `0${compact.slice(4).replace(/^0/, '')}`;
  return /^0[1-9]\d{8}$/.test(compact) ? compact : null;
}

export function isValidDutchPhoneNumber(value: string): boolean {
  return normaliseDutchPhoneNumber(value) !== null;
}

export function isDutchMobileNumber(value: string): boolean {
  return normaliseDutchPhoneNumber(value)?.startsWith('06') ?? false;
}

export function generateMobileNumber(rng: Prng): PersonalDataValue {
  const subscriber = String(rng.int(1, 5)) + rng.digits(7);
  const normalised = `06${subscriber}`;
  const written = rng.pick([
    `06-${subscriber}`,
    `06 ${subscriber.slice(0, 2)} ${subscriber.slice(2, 4)} ${subscriber.slice(4, 6)} ${subscriber.slice(6)}`,
    `+31 6 ${subscriber}`,
    normalised,
  ]);
  return { kind: 'phone-mobile', written, normalised };
}

const THREE_DIGIT_AREAS = [
  '010',
  '013',
  '015',
  '020',
  '023',
  '024',
  '026',
  '030',
  '033',
  '035',
  '038',
  '040',
  '043',
  '050',
  '053',
  '055',
  '058',
  '070',
  '071',
  '073',
  '076',
  '078',
];
const FOUR_DIGIT_AREAS = [
  '0111',
  '0113',
  '0162',
  '0180',
  '0222',
  '0251',
  '0299',
  '0314',
  '0413',
  '0475',
  '0511',
  '0527',
  '0591',
];

export function generateLandlineNumber(rng: Prng): PersonalDataValue {
  const area = rng.chance(0.6) ? rng.pick(THREE_DIGIT_AREAS) : rng.pick(FOUR_DIGIT_AREAS);
  const local = String(rng.int(2, 9)) + rng.digits(9 - area.length);
  const normalised = area + local;
  const written = rng.pick([`${area}-${local}`, `${area} ${local}`, `+31 ${area.slice(1)} ${local}`]);
  return { kind: 'phone-landline', written, normalised };
}

export function isValidEmailAddress(value: string): boolean {
  return /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value);
}

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example', 'post.example'] as const;

export function generateEmailAddress(rng: Prng, firstName: string, lastName: string): PersonalDataValue {
  const clean = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  const local = rng.pick([
    `${clean(firstName)}.${clean(lastName)}`,
    `${clean(firstName).charAt(0)}${clean(lastName)}${rng.int(1, 99)}`,
    `${clean(firstName)}${rng.int(70, 99)}`,
  ]);
  const written = `${local}@${rng.pick(EMAIL_DOMAINS)}`;
  return { kind: 'email', written, normalised: written.toLowerCase() };
}

export function generateBsnValue(rng: Prng): PersonalDataValue {
  const bsn = generateBsn(rng);
  const written = rng.chance(0.25) ? `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` : bsn;
  return { kind: 'bsn', written, normalised: bsn };
}

export function generateIbanValue(rng: Prng): PersonalDataValue {
  const iban = generateIban(rng);
  return { kind: 'iban', written: rng.chance(0.5) ? formatIbanGrouped(iban) : iban, normalised: iban };
}
