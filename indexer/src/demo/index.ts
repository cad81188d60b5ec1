export {
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_TARGET_ITEMS,
  DEMO_DELETION_METHOD,
  generateDemoArchive,
  listDemoPersonalData,
  type DemoArchive,
  type DemoArchiveOptions,
  type DemoCapture,
  type DemoOrganisation,
  type DemoPersonalDataRecord,
} from './demo-archive.js';
export { DEMO_CAPTURE_LIMIT, DEMO_PERIOD_END, DEMO_PERIOD_START } from './organisations.js';
export { generateDemoPng } from './images.js';
export { DEMO_RAW_FORMAT } from './raw-payloads.js';
export {
  formatIbanGrouped,
  generateBsn,
  generateIban,
  isDutchMobileNumber,
  isValidBsn,
  isValidDutchPhoneNumber,
  isValidEmailAddress,
  isValidIban,
  normaliseDutchPhoneNumber,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
} from './personal-data.js';
export { Prng } from './prng.js';
