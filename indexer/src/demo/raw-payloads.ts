/**
 * Compact synthetic payloads shaped after each platform's API (X API v2, Mastodon, AT Protocol,
 * Graph API, LinkedIn Posts, YouTube Data v3, TikTok), kept as the "evidence" of a demo capture.
 * Only the fields an archivist would look for are present; none of it is real API output.
 */
import type { NormalisedItem } from '@bewaard/schema';

export const DEMO_RAW_FORMAT = 'bewaard-demo/v1';

export interface RawContext {
  item: Omit<NormalisedItem, 'raw'>;
  /** When this version came to be: the edit time, or publication for version 0. */
  versionAt: Date;
  /** X: ids of all versions so far, oldest first. */
  editHistoryIds: string[];
  parentAuthorId: string | null;
  /** The YouTube video, Facebook/Instagram post or TikTok video a comment belongs to. */
  rootId: string | null;
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function rawPayload(ctx: RawContext): unknown {
  const { item } = ctx;
  const c = item.content;
  const author = item.author;
  const created = item.createdAt.toISOString();
  const updated = ctx.versionAt.getTime() !== item.createdAt.getTime() ? ctx.versionAt.toISOString() : null;
  const media = c.media.map((m, i) => ({ key: `${i}`, url: m.originalUrl, alt: m.altText }));
  switch (item.platform) {
    case 'x': {
      if (item.kind === 'message') {
        return {
          event_type: 'MessageCreate',
          id: item.platformItemId,
          dm_conversation_id: item.conversationPlatformId,
          sender_id: author.platformActorId,
          text: c.text,
          created_at: created,
        };
      }
      const referenced = [
        item.inReplyToPlatformId ? { type: 'replied_to', id: item.inReplyToPlatformId } : null,
        item.quotedPlatformId ? { type: 'quoted', id: item.quotedPlatformId } : null,
        item.repostOfPlatformId ? { type: 'retweeted', id: item.repostOfPlatformId } : null,
      ].filter((r) => r !== null);
      return {
        data: {
          id: ctx.editHistoryIds.at(-1) ?? item.platformItemId,
          text: c.text,
          author_id: author.platformActorId,
          created_at: ctx.versionAt.toISOString(),
          conversation_id: item.conversationPlatformId,
          in_reply_to_user_id: ctx.parentAuthorId,
          lang: c.language,
          edit_history_tweet_ids: ctx.editHistoryIds,
          ...(referenced.length > 0 ? { referenced_tweets: referenced } : {}),
          entities: {
            hashtags: c.hashtags.map((tag) => ({ tag })),
            mentions: c.mentions.map((username) => ({ username })),
            urls: c.links.map((expanded_url) => ({ expanded_url })),
          },
          ...(media.length > 0
            ? { attachments: { media_keys: media.map((m) => `3_${item.platformItemId}${m.key}`) } }
            : {}),
        },
        includes: {
          users: [{ id: author.platformActorId, username: author.handle, name: author.displayName }],
        },
      };
    }
    case 'mastodon':
      return {
        id: item.platformItemId,
        created_at: created,
        edited_at: updated,
        in_reply_to_id: item.inReplyToPlatformId,
        in_reply_to_account_id: ctx.parentAuthorId,
        reblog: item.repostOfPlatformId ? { id: item.repostOfPlatformId } : null,
        url: item.url,
        language: c.language,
        sensitive: c.warning !== null,
        spoiler_text: c.warning ?? '',
        content: c.text ? `<p>${escapeHtml(c.text)}</p>` : '',
        account: { id: author.platformActorId, acct: author.handle, display_name: author.displayName },
        tags: c.hashtags.map((name) => ({ name: name.toLowerCase() })),
        mentions: c.mentions.map((acct) => ({ acct })),
        media_attachments: media.map((m) => ({ type: 'image', url: m.url, description: m.alt })),
      };
    case 'bluesky': {
      if (item.repostOfPlatformId) {
        return {
          uri: item.platformItemId,
          record: {
            $type: 'app.bsky.feed.repost',
            subject: { uri: item.repostOfPlatformId },
            createdAt: created,
          },
        };
      }
      const root = item.conversationPlatformId;
      const images =
        media.length > 0
          ? { $type: 'app.bsky.embed.images', images: media.map((m) => ({ alt: m.alt ?? '' })) }
          : null;
      const quoted = item.quotedPlatformId
        ? { $type: 'app.bsky.embed.record', record: { uri: item.quotedPlatformId } }
        : null;
      const embed =
        images && quoted
          ? { $type: 'app.bsky.embed.recordWithMedia', record: quoted, media: images }
          : (images ?? quoted);
      return {
        uri: item.platformItemId,
        author: { did: author.platformActorId, handle: author.handle, displayName: author.displayName },
        record: {
          $type: 'app.bsky.feed.post',
          text: c.text,
          createdAt: created,
          langs: c.language ? [c.language] : [],
          ...(item.inReplyToPlatformId && root
            ? { reply: { root: { uri: root }, parent: { uri: item.inReplyToPlatformId } } }
            : {}),
          ...(embed ? { embed } : {}),
        },
      };
    }
    case 'facebook':
      if (item.kind === 'message') {
        return {
          id: item.platformItemId,
          message: c.text,
          created_time: created,
          from: { id: author.platformActorId, name: author.displayName },
        };
      }
      return {
        id: item.platformItemId,
        message: c.text,
        created_time: created,
        ...(updated ? { updated_time: updated } : {}),
        from: { id: author.platformActorId, name: author.displayName },
        permalink_url: item.url,
        ...(item.inReplyToPlatformId && item.inReplyToPlatformId !== ctx.rootId
          ? { parent: { id: item.inReplyToPlatformId } }
          : {}),
        ...(media.length > 0
          ? { attachments: { data: media.map((m) => ({ type: 'photo', media: { image: { src: m.url } } })) } }
          : {}),
      };
    case 'instagram':
      if (item.kind === 'message') {
        return {
          id: item.platformItemId,
          message: c.text,
          created_time: created,
          from: { id: author.platformActorId, username: author.handle },
        };
      }
      if (item.kind === 'comment') {
        return {
          id: item.platformItemId,
          text: c.text,
          timestamp: created,
          username: author.handle,
          media: { id: ctx.rootId },
          ...(item.inReplyToPlatformId !== ctx.rootId ? { parent_id: item.inReplyToPlatformId } : {}),
        };
      }
      return {
        id: item.platformItemId,
        caption: c.text,
        media_type: item.kind === 'story' ? 'STORY' : media.length > 1 ? 'CAROUSEL_ALBUM' : 'IMAGE',
        permalink: item.url,
        timestamp: created,
        username: author.handle,
      };
    case 'linkedin':
      return {
        id: item.platformItemId,
        author: author.platformActorId,
        commentary: c.text,
        createdAt: item.createdAt.getTime(),
        lastModifiedAt: ctx.versionAt.getTime(),
        lifecycleState: 'PUBLISHED',
        ...(item.repostOfPlatformId ? { reshareContext: { parent: item.repostOfPlatformId } } : {}),
        ...(item.quotedPlatformId ? { reshareContext: { parent: item.quotedPlatformId } } : {}),
        ...(item.inReplyToPlatformId ? { object: item.inReplyToPlatformId } : {}),
      };
    case 'youtube':
      if (item.kind === 'video') {
        return {
          kind: 'youtube#video',
          id: item.platformItemId,
          snippet: {
            publishedAt: created,
            channelId: author.platformActorId,
            channelTitle: author.displayName,
            title: c.title,
            description: c.text,
            defaultLanguage: c.language,
          },
        };
      }
      return {
        kind: 'youtube#comment',
        id: item.platformItemId,
        snippet: {
          videoId: ctx.rootId,
          textOriginal: c.text,
          authorDisplayName: author.displayName,
          authorChannelId: { value: author.platformActorId },
          ...(item.inReplyToPlatformId !== ctx.rootId ? { parentId: item.inReplyToPlatformId } : {}),
          publishedAt: created,
          updatedAt: iso(ctx.versionAt),
        },
      };
    case 'tiktok':
      if (item.kind === 'video') {
        return {
          id: item.platformItemId,
          create_time: Math.floor(item.createdAt.getTime() / 1000),
          username: author.handle,
          video_description: c.text,
          share_url: item.url,
        };
      }
      return {
        id: item.platformItemId,
        video_id: ctx.rootId,
        text: c.text,
        create_time: Math.floor(item.createdAt.getTime() / 1000),
        username: author.handle,
        parent_comment_id: item.inReplyToPlatformId === ctx.rootId ? null : item.inReplyToPlatformId,
      };
  }
}
