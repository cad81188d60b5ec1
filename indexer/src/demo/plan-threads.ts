/**
 * A public slot: the account's own post (or repost, quote or story), its self-thread, and the
 * replies under it. Reposts and quotes point at a recent post of another account on the same
 * platform, so the archive holds the item they refer to.
 */
import { DEMO_ACCOUNTS } from './organisations.js';
import { addItem } from './plan-items.js';
import { addResponse } from './plan-replies.js';
import type { PlanState } from './plan-state.js';
import type { Slot } from './plan-timeline.js';
import { pickTopic } from './plan-topics.js';
import type { PlannedItem } from './plan-types.js';
import { PLATFORM_STYLE } from './platform-style.js';
import { SECOND } from './time-units.js';

export function buildPublicSlot(state: PlanState, slot: Slot): void {
  const profile = DEMO_ACCOUNTS[slot.account]!;
  const platform = profile.declaration.platform;
  // Drawn even for a repost, which takes its topic from what it reposts: the draw keeps the stream in step.
  const topicKey = pickTopic(state.rng, profile);
  let referenced: PlannedItem | null = null;
  if (slot.type === 'repost' || slot.type === 'quote') {
    // Only recent posts, as people share what is on their timeline; never the account's own.
    const candidates = (state.rootsByPlatform.get(platform) ?? [])
      .slice(-60)
      .filter((i) => state.items[i]!.threadAccount !== slot.account);
    if (candidates.length > 0) referenced = state.items[state.rng.pick(candidates)]!;
  }
  if (slot.type === 'repost') {
    if (referenced) {
      addItem(state, {
        platform,
        role: 'repost',
        kind: 'repost',
        author: { type: 'account', account: slot.account },
        threadAccount: slot.account,
        createdAt: slot.time,
        parent: null,
        referenced,
        topicKey: referenced.topicKey,
        root: null,
      });
      return;
    }
    // Nothing to repost yet (early in the timeline): the slot becomes an ordinary post.
    slot.type = 'thread';
  }
  if (slot.type === 'quote' && !referenced) slot.type = 'thread';

  const style = PLATFORM_STYLE[platform];
  const role = slot.type === 'quote' ? 'quote' : slot.type === 'story' ? 'story' : 'post';
  const root = addItem(state, {
    platform,
    role,
    kind: role === 'post' ? style.rootKind : role,
    author: { type: 'account', account: slot.account },
    threadAccount: slot.account,
    createdAt: slot.time,
    parent: null,
    referenced,
    topicKey,
    root: null,
    threadPart: slot.parts > 0 ? { part: 1, total: slot.parts + 1 } : null,
  });
  // Stories disappear after a day, so nobody reposts or quotes them.
  if (role !== 'story') {
    const roots = state.rootsByPlatform.get(platform) ?? [];
    roots.push(root.index);
    state.rootsByPlatform.set(platform, roots);
  }

  const nodes: PlannedItem[] = [root];
  let previous = root;
  for (let p = 0; p < slot.parts; p++) {
    previous = addItem(state, {
      platform,
      role: 'thread-part',
      kind: style.replyKind,
      author: { type: 'account', account: slot.account },
      threadAccount: slot.account,
      createdAt: previous.createdAt + state.rng.int(20, 120) * SECOND,
      parent: previous,
      referenced: null,
      topicKey,
      root,
      threadPart: { part: p + 2, total: slot.parts + 1 },
    });
    nodes.push(previous);
  }
  const participants: number[] = [];
  for (let r = 0; r < slot.responses; r++) addResponse(state, root, nodes, participants);
}
