/**
 * Reactions under a public post: citizens' replies and quotes, and the organisation's answers to
 * them, shaped by what each platform can show (reply depth, @mentions, quotes).
 */
import { addItem } from './plan-items.js';
import type { PlanState } from './plan-state.js';
import type { AuthorRef, PlannedItem } from './plan-types.js';
import { PLATFORM_STYLE } from './platform-style.js';
import { DAY, HOUR, MINUTE, SECOND } from './time-units.js';

/**
 * One reaction to `root` or to an item already under it (`nodes`); `participants` collects the
 * conversation's citizens so some of them come back.
 */
export function addResponse(
  state: PlanState,
  root: PlannedItem,
  nodes: PlannedItem[],
  participants: number[],
): void {
  const rng = state.rng;
  const style = PLATFORM_STYLE[root.platform];
  let parent = nodes.length === 1 || rng.chance(0.45) ? root : rng.pick(nodes);

  if (style.quotes && parent === root && rng.chance(0.06)) {
    addItem(state, {
      platform: root.platform,
      role: 'citizen-quote',
      kind: 'quote',
      author: { type: 'citizen', citizen: pickCitizen(state, participants, -1) },
      threadAccount: root.threadAccount,
      createdAt: root.createdAt + citizenDelay(state),
      parent: null,
      referenced: root,
      topicKey: root.topicKey,
      root: null,
    });
    return;
  }

  let mention: PlannedItem | null = style.replyMentions ? parent : null;
  if (parent.depth >= style.maxDepth) {
    if (style.maxDepth === 2) {
      // A reply to a reply lands under the first-level comment, addressed to whom it answers.
      mention = parent;
      parent = state.items[parent.parentIndex]!;
    } else {
      parent = root;
      mention = style.replyMentions ? root : null;
    }
  } else if (!style.replyMentions && parent.depth === 1 && rng.chance(0.3)) {
    mention = parent;
  }
  const addressed = mention ?? parent;
  const answering = addressed.author.type === 'citizen' && rng.chance(0.35);
  const parentCitizen = addressed.author.type === 'citizen' ? addressed.author.citizen : -1;
  const author: AuthorRef = answering
    ? { type: 'account', account: root.threadAccount }
    : { type: 'citizen', citizen: pickCitizen(state, participants, parentCitizen) };
  // A webcare team takes longer to answer than citizens take to react to each other.
  const delay = answering ? 15 * MINUTE + Math.min(rng.exponential(4 * HOUR), 3 * DAY) : citizenDelay(state);
  const item = addItem(state, {
    platform: root.platform,
    role: answering ? 'answer' : 'citizen-reply',
    kind: style.replyKind,
    author,
    threadAccount: root.threadAccount,
    createdAt: addressed.createdAt + delay,
    parent,
    referenced: null,
    topicKey: root.topicKey,
    root,
    mention,
  });
  nodes.push(item);
}

function citizenDelay(state: PlanState): number {
  return 40 * SECOND + Math.min(state.rng.exponential(3 * HOUR), 5 * DAY);
}

/** Some citizens come back within a conversation; across the archive a few reply very often. */
function pickCitizen(state: PlanState, participants: number[], avoid: number): number {
  const rng = state.rng;
  let citizen =
    participants.length > 0 && rng.chance(0.2)
      ? rng.pick(participants)
      : Math.floor(state.citizens.size * Math.pow(rng.next(), 1.6));
  // Nobody replies to themselves.
  if (citizen === avoid) citizen = (citizen + 1) % state.citizens.size;
  participants.push(citizen);
  return citizen;
}
