/**
 * Decisions taken once the whole archive is laid out: which items get deleted, which citizens'
 * replies carry personal data (and so which organisation answers ask them to use a private
 * message), and the final order of all captures.
 */
import type { CitizenPool } from './citizens.js';
import { DEMO_CAPTURE_LIMIT } from './organisations.js';
import {
  generateBsnValue,
  generateEmailAddress,
  generateIbanValue,
  generateLandlineNumber,
  generateMobileNumber,
  PERSONAL_DATA_KINDS,
  type PersonalDataKind,
  type PersonalDataValue,
} from './personal-data.js';
import type { CaptureEvent, PlannedItem } from './plan-types.js';
import { Prng } from './prng.js';
import { DAY, HOUR, SECOND } from './time-units.js';

const DELETION_SHARE = 0.02;

export function planDeletions(items: PlannedItem[], seed: number): void {
  const rng = Prng.derive(seed, 'deletions');
  const eligible = items.filter((i) => i.kind !== 'message');
  const wanted = Math.round(items.length * DELETION_SHARE);
  const chosen = rng.shuffle(eligible.map((i) => i.index)).slice(0, wanted);
  for (const index of chosen) {
    const item = items[index]!;
    const lastCapture = item.laterVersions.at(-1)?.capturedAt ?? item.capturedAt;
    let detectedAt = lastCapture + HOUR + Math.floor(rng.next() * 60 * DAY);
    if (detectedAt > DEMO_CAPTURE_LIMIT) detectedAt = Math.max(lastCapture + HOUR, DEMO_CAPTURE_LIMIT);
    const platformDeletedAt = rng.chance(0.6)
      ? Math.floor((lastCapture + rng.next() * (detectedAt - lastCapture)) / SECOND) * SECOND
      : null;
    item.deletion = { detectedAt, platformDeletedAt };
  }
}

export function planPersonalData(
  items: PlannedItem[],
  seed: number,
  target: number,
  citizens: CitizenPool,
): void {
  const rng = Prng.derive(seed, 'personal-data');
  const eligible = items.filter(
    (i) => i.role === 'citizen-reply' && i.laterVersions.length === 0 && !i.english && i.mediaCount === 0,
  );
  const wanted = Math.min(eligible.length, Math.max(10, Math.min(60, Math.round(target / 500))));
  const chosen = rng
    .shuffle(eligible.map((i) => i.index))
    .slice(0, wanted)
    .sort((a, b) => a - b);
  chosen.forEach((index, n) => {
    const item = items[index]!;
    const citizen = item.author.type === 'citizen' ? item.author.citizen : 0;
    const kinds: PersonalDataKind[] = [PERSONAL_DATA_KINDS[n % PERSONAL_DATA_KINDS.length]!];
    if (rng.chance(0.25)) {
      const second = rng.pick(PERSONAL_DATA_KINDS);
      if (second !== kinds[0]) kinds.push(second);
    }
    item.personalData = kinds.map((kind) => personalValue(citizens, rng, kind, citizen));
  });
  for (const item of items) {
    const addressed = item.mentionIndex >= 0 ? item.mentionIndex : item.parentIndex;
    if (item.role === 'answer' && addressed >= 0 && items[addressed]!.personalData.length > 0) {
      item.privacyAnswer = true;
    }
  }
}

function personalValue(
  citizens: CitizenPool,
  rng: Prng,
  kind: PersonalDataKind,
  citizen: number,
): PersonalDataValue {
  switch (kind) {
    case 'bsn':
      return generateBsnValue(rng);
    case 'iban':
      return generateIbanValue(rng);
    case 'phone-mobile':
      return generateMobileNumber(rng);
    case 'phone-landline':
      return generateLandlineNumber(rng);
    case 'email': {
      const name = citizens.name(citizen);
      return generateEmailAddress(rng, name.firstName, name.lastName);
    }
  }
}

/** Every capture and deletion notice of the archive, in the order they happened. */
export function buildCaptureEvents(items: readonly PlannedItem[]): CaptureEvent[] {
  const events: CaptureEvent[] = [];
  for (const item of items) {
    events.push({ at: item.capturedAt, item: item.index, version: 0 });
    item.laterVersions.forEach((v, n) => events.push({ at: v.capturedAt, item: item.index, version: n + 1 }));
    if (item.deletion) events.push({ at: item.deletion.detectedAt, item: item.index, version: -1 });
  }
  events.sort(
    (a, b) =>
      a.at - b.at ||
      a.item - b.item ||
      (a.version === -1 ? 1 : 0) - (b.version === -1 ? 1 : 0) ||
      a.version - b.version,
  );
  return events;
}
