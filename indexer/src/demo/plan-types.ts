/** The shapes of a planned demo archive, shared by the planner and the code that renders captures. */
import type { ItemKind, Platform } from '@bewaard/schema';
import type { CitizenPool } from './citizens.js';
import type { PersonalDataValue } from './personal-data.js';

export type AuthorRef = { type: 'account'; account: number } | { type: 'citizen'; citizen: number };

export type ItemRole =
  | 'post'
  | 'thread-part'
  | 'quote'
  | 'repost'
  | 'story'
  | 'citizen-reply'
  | 'citizen-quote'
  | 'answer'
  | 'dm-citizen'
  | 'dm-answer';

export interface PlannedVersion {
  editedAt: number;
  capturedAt: number;
  /** X gives every version its own tweet id; elsewhere null. */
  platformVersionId: string | null;
}

export interface PlannedItem {
  index: number;
  organisationSlug: string;
  platform: Platform;
  kind: ItemKind;
  role: ItemRole;
  id: string;
  author: AuthorRef;
  /** The organisation account whose post (or inbox) this conversation hangs under. */
  threadAccount: number;
  createdAt: number;
  capturedAt: number;
  depth: number;
  rootIndex: number;
  parentIndex: number;
  /** Quoted or reposted item, or -1. */
  referencedIndex: number;
  /** Item whose author a reply addresses with an @mention, or -1. */
  mentionIndex: number;
  conversationId: string | null;
  topicKey: string;
  english: boolean;
  threadPart: { part: number; total: number } | null;
  mediaCount: number;
  /** Media slot whose bytes could not be fetched, or -1. */
  missingMediaSlot: number;
  laterVersions: PlannedVersion[];
  deletion: { detectedAt: number; platformDeletedAt: number | null } | null;
  personalData: PersonalDataValue[];
  /** An organisation answer to a reply with personal data asks the citizen to use a private message. */
  privacyAnswer: boolean;
}

export interface CaptureEvent {
  at: number;
  item: number;
  /** 0 for the first capture, n for the n-th edit, -1 for the deletion notice. */
  version: number;
}

export interface ArchivePlan {
  seed: number;
  items: PlannedItem[];
  events: CaptureEvent[];
  citizens: CitizenPool;
}
