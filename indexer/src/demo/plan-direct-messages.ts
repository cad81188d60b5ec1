/**
 * Private conversations between a citizen and an organisation's inbox. A citizen writing privately
 * about their own case gives personal data (a BSN and a phone number first, then an IBAN or e-mail
 * address), which is what a Woo redaction has to find and mask.
 */
import { DEMO_ACCOUNTS } from './organisations.js';
import {
  generateBsnValue,
  generateEmailAddress,
  generateIbanValue,
  generateLandlineNumber,
  generateMobileNumber,
  type PersonalDataValue,
} from './personal-data.js';
import { addItem } from './plan-items.js';
import type { PlanState } from './plan-state.js';
import type { Slot } from './plan-timeline.js';
import { pickTopic } from './plan-topics.js';
import type { PlannedItem } from './plan-types.js';
import { Prng } from './prng.js';
import { HOUR, MINUTE } from './time-units.js';

/** Messages alternate, the citizen first; `slot.responses` counts the messages after the first. */
export function buildDirectMessages(state: PlanState, slot: Slot): void {
  const rng = state.rng;
  const profile = DEMO_ACCOUNTS[slot.account]!;
  const platform = profile.declaration.platform;
  const citizen = Math.floor(rng.next() * state.citizens.size);
  // The values draw from a stream of their own: how many draws a value takes then cannot shift
  // the rest of the plan.
  const pii = Prng.derive(state.seed, 'dm-personal-data', slot.order);
  const name = state.citizens.name(citizen);
  let first: PlannedItem | null = null;
  let time = slot.time;
  for (let m = 0; m <= slot.responses; m++) {
    const fromCitizen = m % 2 === 0;
    const personalData: PersonalDataValue[] = [];
    if (fromCitizen && m === 0) {
      personalData.push(
        generateBsnValue(pii),
        rng.chance(0.5) ? generateMobileNumber(pii) : generateLandlineNumber(pii),
      );
    } else if (fromCitizen) {
      personalData.push(
        rng.chance(0.5) ? generateIbanValue(pii) : generateEmailAddress(pii, name.firstName, name.lastName),
      );
    }
    const item = addItem(state, {
      platform,
      role: fromCitizen ? 'dm-citizen' : 'dm-answer',
      kind: 'message',
      author: fromCitizen ? { type: 'citizen', citizen } : { type: 'account', account: slot.account },
      threadAccount: slot.account,
      createdAt: time,
      parent: null,
      referenced: null,
      topicKey: pickTopic(rng, profile),
      root: first,
      personalData,
    });
    first ??= item;
    // The organisation takes hours to answer; the citizen writes back sooner.
    time =
      item.createdAt + (fromCitizen ? HOUR + rng.exponential(8 * HOUR) : 10 * MINUTE + rng.exponential(HOUR));
  }
}
