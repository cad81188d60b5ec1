/** The API's GraphQL enum values (schema/schema.graphql), shared by the UI and the URL parser. */

export const PLATFORMS = [
  'X',
  'FACEBOOK',
  'INSTAGRAM',
  'LINKEDIN',
  'YOUTUBE',
  'TIKTOK',
  'MASTODON',
  'BLUESKY',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ITEM_KINDS = [
  'POST',
  'REPLY',
  'COMMENT',
  'REPOST',
  'QUOTE',
  'STORY',
  'VIDEO',
  'MESSAGE',
  'PROFILE',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_STATUSES = ['LIVE', 'EDITED', 'DELETED'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const AUTHOR_KINDS = ['OWN', 'OTHER'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export const SEARCH_SORTS = ['RELEVANCE', 'NEWEST', 'OLDEST'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const ACCOUNT_KINDS = ['ORGANISATION', 'CAMPAIGN', 'PERSONAL', 'OFFICIAL'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** Brand names are not translated. */
export const PLATFORM_LABELS: Record<Platform, string> = {
  X: 'X',
  FACEBOOK: 'Facebook',
  INSTAGRAM: 'Instagram',
  LINKEDIN: 'LinkedIn',
  YOUTUBE: 'YouTube',
  TIKTOK: 'TikTok',
  MASTODON: 'Mastodon',
  BLUESKY: 'Bluesky',
};

export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}
