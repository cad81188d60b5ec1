/**
 * The skeleton of a demo archive: who posted what kind of item where and when, which items are
 * edited, and when each version is captured. It holds no text, payloads or image bytes (those are
 * made per capture in demo-archive.ts), so it stays small — roughly 1 KB per item — while fixing
 * everything that must be consistent across captures.
 *
 * The steps, each in a file of its own: the timeline of slots (plan-timeline.ts), public posts
 * with their threads and replies (plan-threads.ts, plan-replies.ts), private conversations
 * (plan-direct-messages.ts), each item's id, media and captures (plan-items.ts), and the passes
 * that need the whole archive: deletions and personal data (plan-post-passes.ts).
 */
import { buildDirectMessages } from './plan-direct-messages.js';
import { buildCaptureEvents, planDeletions, planPersonalData } from './plan-post-passes.js';
import { createPlanState } from './plan-state.js';
import { buildPublicSlot } from './plan-threads.js';
import { drawSlots } from './plan-timeline.js';
import type { ArchivePlan } from './plan-types.js';

export type { ArchivePlan, CaptureEvent, PlannedItem } from './plan-types.js';

export function planArchive(seed: number, targetItems: number): ArchivePlan {
  const state = createPlanState(seed, targetItems);
  const slots = drawSlots(state);
  // Slots are filled in time order, so a repost or quote can only refer to what was posted before it.
  slots.sort((a, b) => a.time - b.time || a.order - b.order);
  for (const slot of slots) {
    if (slot.type === 'dm') buildDirectMessages(state, slot);
    else buildPublicSlot(state, slot);
  }
  planDeletions(state.items, seed);
  planPersonalData(state.items, seed, targetItems, state.citizens);
  return {
    seed,
    items: state.items,
    events: buildCaptureEvents(state.items),
    citizens: state.citizens,
  };
}
