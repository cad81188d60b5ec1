/**
 * Adding one item to the plan. Its id, language, media and capture times are settled here, the
 * moment it is added, because later items (replies, quotes, reposts) depend on them.
 */
import type { ItemKind, Platform } from '@bewaard/schema';
import { DEMO_ACCOUNTS } from './organisations.js';
import type { PersonalDataValue } from './personal-data.js';
import { planCaptures } from './plan-captures.js';
import { makeId } from './plan-item-ids.js';
import { planMedia } from './plan-media.js';
import type { PlanState } from './plan-state.js';
import type { AuthorRef, ItemRole, PlannedItem } from './plan-types.js';
import { SECOND } from './time-units.js';
import { ORGANISATION_VOCABULARY } from './vocabulary.js';

export interface ItemSpec {
  platform: Platform;
  role: ItemRole;
  kind: ItemKind;
  author: AuthorRef;
  threadAccount: number;
  createdAt: number;
  parent: PlannedItem | null;
  referenced: PlannedItem | null;
  topicKey: string;
  root: PlannedItem | null;
  mention?: PlannedItem | null;
  threadPart?: { part: number; total: number } | null;
  personalData?: PersonalDataValue[];
}

export function addItem(state: PlanState, spec: ItemSpec): PlannedItem {
  const rng = state.rng;
  // Platforms give whole seconds; ids that encode a time are made from the same rounded moment.
  const createdAt = Math.floor(spec.createdAt / SECOND) * SECOND;
  const index = state.items.length;
  const id = makeId(state, spec, createdAt);
  const isMessage = spec.kind === 'message';
  // Reposts and stories stand outside any conversation; every other item joins its root's.
  const conversationId =
    spec.role === 'repost' || spec.role === 'story'
      ? null
      : isMessage
        ? (spec.root?.id ?? id)
        : spec.parent
          ? (spec.root ?? spec.parent).id
          : id;
  const organisationSlug = DEMO_ACCOUNTS[spec.threadAccount]!.declaration.organisationSlug;
  // A few posts and replies are in English, where the organisation has English texts to use.
  const english =
    !isMessage &&
    spec.kind !== 'video' &&
    (spec.role === 'post' || spec.role === 'citizen-reply') &&
    (ORGANISATION_VOCABULARY[organisationSlug]?.english.length ?? 0) > 0 &&
    rng.chance(0.025);

  const item: PlannedItem = {
    index,
    organisationSlug,
    platform: spec.platform,
    kind: spec.kind,
    role: spec.role,
    id,
    author: spec.author,
    threadAccount: spec.threadAccount,
    createdAt,
    capturedAt: 0,
    depth: spec.parent ? spec.parent.depth + 1 : 0,
    rootIndex: spec.root?.index ?? index,
    parentIndex: spec.parent?.index ?? -1,
    referencedIndex: spec.referenced?.index ?? -1,
    mentionIndex: spec.mention?.index ?? -1,
    conversationId,
    topicKey: spec.topicKey,
    english,
    threadPart: spec.threadPart ?? null,
    mediaCount: 0,
    missingMediaSlot: -1,
    laterVersions: [],
    deletion: null,
    personalData: spec.personalData ?? [],
    privacyAnswer: false,
  };
  planMedia(rng, item);
  planCaptures(state, item, [
    spec.parent,
    spec.referenced,
    spec.mention ?? null,
    isMessage ? spec.root : null,
  ]);
  state.items.push(item);
  return item;
}
