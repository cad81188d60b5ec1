import type { NormalisedItem } from '../domain/normalised-item.js';

/** A plausible normalised X post; override what a test is about. */
export function aPost(overrides: Partial<NormalisedItem> & { text?: string } = {}): NormalisedItem {
  const { text, ...rest } = overrides;
  return {
    platform: 'x',
    platformItemId: '1576994746135764992',
    kind: 'post',
    author: { platformActorId: '100', handle: 'ministerie_a', displayName: 'Ministerie A' },
    createdAt: new Date('2024-03-01T10:00:00.000Z'),
    url: 'https://x.com/ministerie_a/status/1576994746135764992',
    conversationPlatformId: '1576994746135764992',
    inReplyToPlatformId: null,
    quotedPlatformId: null,
    repostOfPlatformId: null,
    content: {
      text: text ?? 'De dijkversterking bij Kampen begint maandag.',
      title: null,
      language: 'nl',
      links: [],
      hashtags: [],
      mentions: [],
      media: [],
      warning: null,
    },
    edit: null,
    raw: { format: 'test', body: '{}' },
    ...rest,
  };
}
