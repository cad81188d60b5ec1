/** Topic choice, shared by public posts and private conversations. */
import type { DemoAccountProfile } from './organisations.js';
import type { Prng } from './prng.js';
import { ORGANISATION_VOCABULARY } from './vocabulary.js';

/** An account with topics of its own (a campaign) sticks to them; others use all of their organisation's. */
export function pickTopic(rng: Prng, profile: DemoAccountProfile): string {
  const vocabulary = ORGANISATION_VOCABULARY[profile.declaration.organisationSlug];
  const keys = profile.topics.length > 0 ? profile.topics : (vocabulary?.topics.map((t) => t.key) ?? []);
  return rng.pick(keys);
}
