/**
 * The closed vocabularies of the archive. Each is a plain object (usable by type-graphql's
 * registerEnumType) plus a union type; values are what is stored in the database.
 */

export const Platform = {
  X: 'x',
  FACEBOOK: 'facebook',
  INSTAGRAM: 'instagram',
  LINKEDIN: 'linkedin',
  YOUTUBE: 'youtube',
  TIKTOK: 'tiktok',
  MASTODON: 'mastodon',
  BLUESKY: 'bluesky',
} as const;
export type Platform = (typeof Platform)[keyof typeof Platform];
export const PLATFORMS: readonly Platform[] = Object.values(Platform);

export const ItemKind = {
  POST: 'post',
  REPLY: 'reply',
  COMMENT: 'comment',
  REPOST: 'repost',
  QUOTE: 'quote',
  STORY: 'story',
  VIDEO: 'video',
  MESSAGE: 'message',
  PROFILE: 'profile',
} as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];
export const ITEM_KINDS: readonly ItemKind[] = Object.values(ItemKind);

/** live: as first captured; edited: more than one version exists; deleted: gone from the platform (kept here). */
export const ItemStatus = {
  LIVE: 'live',
  EDITED: 'edited',
  DELETED: 'deleted',
} as const;
export type ItemStatus = (typeof ItemStatus)[keyof typeof ItemStatus];
export const ITEM_STATUSES: readonly ItemStatus[] = Object.values(ItemStatus);

export const AccountKind = {
  ORGANISATION: 'organisation',
  CAMPAIGN: 'campaign',
  PERSONAL: 'personal',
  OFFICIAL: 'official',
} as const;
export type AccountKind = (typeof AccountKind)[keyof typeof AccountKind];
export const ACCOUNT_KINDS: readonly AccountKind[] = Object.values(AccountKind);

/** Roles are granted per organisation; `admin` is global. */
export const Role = {
  ADMIN: 'admin',
  ARCHIVIST: 'archivist',
  WOO_COORDINATOR: 'woo_coordinator',
  RESEARCHER: 'researcher',
  AUDITOR: 'auditor',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const CaptureRunStatus = {
  RUNNING: 'running',
  COMPLETED: 'completed',
  FAILED: 'failed',
} as const;
export type CaptureRunStatus = (typeof CaptureRunStatus)[keyof typeof CaptureRunStatus];

export const MediaStatus = {
  STORED: 'stored',
  MISSING: 'missing',
} as const;
export type MediaStatus = (typeof MediaStatus)[keyof typeof MediaStatus];

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
