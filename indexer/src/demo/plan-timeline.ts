/**
 * The archive's timeline: how many slots (one organisation post with everything that hangs under
 * it, or one private conversation) each account gets, of what type and when. Sizes are drawn here,
 * up front, so the archive lands on the requested item count however the slots are filled later.
 */
import { DEMO_ACCOUNTS, type DemoAccountProfile } from './organisations.js';
import type { PlanState } from './plan-state.js';
import { PLATFORM_STYLE } from './platform-style.js';
import type { Prng } from './prng.js';
import { DAY, HOUR, MINUTE, SECOND } from './time-units.js';

export type SlotType = 'thread' | 'repost' | 'quote' | 'story' | 'dm';

export interface Slot {
  /** Draw order, the tie-breaker when two slots share a moment. */
  order: number;
  time: number;
  account: number;
  type: SlotType;
  /** Extra posts of a self-thread after its first. */
  parts: number;
  /** Replies and quotes by others; for a private conversation, the messages after the first. */
  responses: number;
}

// Campaign accounts behave like organisations; the rest belong to people (ministers, officials),
// who repost and quote more and draw more replies.
const ORGANISATION_KINDS = new Set(['organisation', 'campaign']);

/** [hour, weight]: posting is an office-hours job. */
// prettier-ignore
const POSTING_HOURS_UTC: ReadonlyArray<readonly [number, number]> = [
  [6, 1], [7, 3], [8, 5], [9, 5], [10, 5], [11, 4], [12, 4], [13, 4], [14, 4], [15, 3], [16, 2], [17, 2], [18, 2], [19, 1], [20, 1],
];

export function drawSlots(state: PlanState): Slot[] {
  const rng = state.rng;
  const slots: Slot[] = [];
  let total = 0;
  // Weight times active period makes an account's weight a posting rate: one that is active only
  // briefly does not cram a full share of posts into it.
  const accountWeights = DEMO_ACCOUNTS.map(
    (a, i) => [i, a.weight * Math.max(0, a.activeUntil - a.activeFrom)] as const,
  );

  // Private conversations are drawn first: a small archive still gets a few, and they cannot be
  // crowded out by posts once the item budget runs low.
  const dmAccounts = DEMO_ACCOUNTS.flatMap((a, i) =>
    PLATFORM_STYLE[a.declaration.platform].directMessages && a.declaration.kind === 'organisation' ? [i] : [],
  );
  const dmConversations =
    state.target >= 200 ? Math.min(10, Math.max(2, Math.round(state.target / 2500))) : 0;
  for (let i = 0; i < dmConversations && total < state.target; i++) {
    const account = rng.pick(dmAccounts);
    const size = Math.min(rng.int(2, 4), state.target - total);
    slots.push({
      order: slots.length,
      time: slotTime(rng, DEMO_ACCOUNTS[account]!),
      account,
      type: 'dm',
      parts: 0,
      responses: size - 1,
    });
    total += size;
  }

  while (total < state.target) {
    const account = rng.weighted(accountWeights);
    const profile = DEMO_ACCOUNTS[account]!;
    const { platform, kind } = profile.declaration;
    const style = PLATFORM_STYLE[platform];
    const personal = !ORGANISATION_KINDS.has(kind);
    const r = rng.next();
    let type: SlotType = 'thread';
    if (platform === 'instagram' && r < 0.06) type = 'story';
    else if (style.reposts && r < (personal ? 0.18 : 0.07)) type = 'repost';
    else if (style.quotes && r > (personal ? 0.9 : 0.96)) type = 'quote';
    let parts = type === 'thread' && style.selfThreads && rng.chance(0.08) ? rng.int(1, 3) : 0;
    let responses =
      type === 'thread' || type === 'quote'
        ? drawResponseCount(rng, style.responseFactor * (personal ? 1.4 : 1))
        : 0;
    // The last slot is trimmed to fit, so the archive holds exactly the requested number of items.
    const room = state.target - total - 1;
    responses = Math.min(responses, room);
    parts = Math.min(parts, room - responses);
    slots.push({ order: slots.length, time: slotTime(rng, profile), account, type, parts, responses });
    total += 1 + parts + responses;
  }
  return slots;
}

/** Most posts get a handful of reactions, a few go viral: a long tail, as on real timelines. */
function drawResponseCount(rng: Prng, factor: number): number {
  const u = rng.next();
  const base = u < 0.3 ? 0 : u < 0.75 ? rng.int(1, 4) : u < 0.94 ? rng.int(5, 12) : rng.int(13, 40);
  return Math.round(base * factor);
}

/** A moment in the account's active period, mostly in Dutch office hours. */
function slotTime(rng: Prng, profile: DemoAccountProfile): number {
  const days = Math.floor((profile.activeUntil - profile.activeFrom) / DAY);
  const day = profile.activeFrom - (profile.activeFrom % DAY) + rng.int(0, Math.max(0, days - 1)) * DAY;
  const hour = rng.weighted(POSTING_HOURS_UTC);
  return Math.max(profile.activeFrom, day + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * SECOND);
}
