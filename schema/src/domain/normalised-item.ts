import type { AccountKind, ItemKind, Platform } from './enums.js';

/**
 * What every source normaliser produces: one capture of one item as seen at one moment.
 * The store compares its content hash with the stored versions to decide whether this is
 * a new item, a new version, or unchanged. Platform ids are kept as strings (never numbers:
 * X ids exceed 2^53).
 */
export interface NormalisedItem {
  platform: Platform;
  /** The platform's id of this item (for an edit chain: the id of the chain's first version). */
  platformItemId: string;
  kind: ItemKind;
  author: NormalisedActor;
  /** Platform time of publication (for an edit chain: of the first version). */
  createdAt: Date;
  url: string | null;
  /** Platform id of the conversation's root item, when known. */
  conversationPlatformId: string | null;
  inReplyToPlatformId: string | null;
  quotedPlatformId: string | null;
  /** For reposts: the platform id of the reposted item. */
  repostOfPlatformId: string | null;
  content: NormalisedContent;
  /**
   * Where this version sits in a platform edit chain (X edit_history_tweet_ids, Mastodon history),
   * so versions arriving out of order are stored in platform order. Null when the platform says nothing.
   */
  edit: { platformVersionId: string | null; editedAt: Date | null; position: number | null } | null;
  /** The payload as captured, kept verbatim as the evidence for this version. */
  raw: { format: string; body: string };
}

export interface NormalisedActor {
  platformActorId: string;
  handle: string | null;
  displayName: string | null;
}

export interface NormalisedContent {
  text: string;
  title: string | null;
  language: string | null;
  links: string[];
  hashtags: string[];
  mentions: string[];
  media: NormalisedMedia[];
  /** Content warning / spoiler text (Mastodon), when present. */
  warning: string | null;
}

export interface NormalisedMedia {
  /** Where the platform served it; may no longer resolve. */
  originalUrl: string | null;
  mimeType: string | null;
  altText: string | null;
  /** Bytes already in hand (from an export folder or zip, or generated); null when they must be fetched. */
  bytes: Uint8Array | null;
  /** Why the bytes are absent when they could not be obtained. */
  missingReason: string | null;
}

/** An account of one of our organisations, as declared by an archivist or the demo. */
export interface AccountDeclaration {
  organisationSlug: string;
  platform: Platform;
  platformAccountId: string;
  handle: string;
  displayName: string;
  kind: AccountKind;
  keyOfficial: boolean;
}

/** A deletion observed on the platform (deleted-tweets.js, compliance record, API 404, missing from a full sync). */
export interface DeletionNotice {
  platform: Platform;
  platformItemId: string;
  detectedAt: Date;
  /** How the deletion was detected, e.g. `x-archive:deleted-tweets`, `x-compliance`, `demo`. */
  method: string;
  platformDeletedAt: Date | null;
}
