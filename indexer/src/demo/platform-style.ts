/** How conversations behave on each platform, as far as the demo needs to imitate it. */
import type { ItemKind, Platform } from '@bewaard/schema';

export interface PlatformStyle {
  rootKind: ItemKind;
  replyKind: ItemKind;
  /** Facebook, Instagram, LinkedIn, YouTube and TikTok flatten replies below the first level. */
  maxDepth: number;
  /** Relative amount of public reaction an organisation post gets. */
  responseFactor: number;
  reposts: boolean;
  quotes: boolean;
  /** Organisations post numbered threads (1/3, 2/3 …) here. */
  selfThreads: boolean;
  /** Edits are possible and visible to an archive here. */
  editable: boolean;
  /** Replies open with the @handle of the account replied to. */
  replyMentions: boolean;
  directMessages: boolean;
}

// prettier-ignore
export const PLATFORM_STYLE: Readonly<Record<Platform, PlatformStyle>> = {
  x: { rootKind: 'post', replyKind: 'reply', maxDepth: 8, responseFactor: 1.3, reposts: true, quotes: true, selfThreads: true, editable: true, replyMentions: true, directMessages: true },
  facebook: { rootKind: 'post', replyKind: 'comment', maxDepth: 2, responseFactor: 1.5, reposts: false, quotes: false, selfThreads: false, editable: true, replyMentions: false, directMessages: true },
  instagram: { rootKind: 'post', replyKind: 'comment', maxDepth: 2, responseFactor: 1, reposts: false, quotes: false, selfThreads: false, editable: true, replyMentions: false, directMessages: true },
  linkedin: { rootKind: 'post', replyKind: 'comment', maxDepth: 2, responseFactor: 0.6, reposts: true, quotes: true, selfThreads: false, editable: true, replyMentions: false, directMessages: false },
  youtube: { rootKind: 'video', replyKind: 'comment', maxDepth: 2, responseFactor: 1.2, reposts: false, quotes: false, selfThreads: false, editable: true, replyMentions: false, directMessages: false },
  tiktok: { rootKind: 'video', replyKind: 'comment', maxDepth: 2, responseFactor: 1, reposts: false, quotes: false, selfThreads: false, editable: false, replyMentions: false, directMessages: false },
  mastodon: { rootKind: 'post', replyKind: 'reply', maxDepth: 8, responseFactor: 0.6, reposts: true, quotes: false, selfThreads: true, editable: true, replyMentions: true, directMessages: false },
  bluesky: { rootKind: 'post', replyKind: 'reply', maxDepth: 8, responseFactor: 0.8, reposts: true, quotes: true, selfThreads: true, editable: false, replyMentions: true, directMessages: false },
};
