/** Permalinks and media addresses in each platform's style, with the demo's fictional handles. */
import type { NormalisedActor } from '@bewaard/schema';
import type { PlannedItem } from './plan-types.js';
import { instagramShortcode } from './platform-ids.js';
import { ALPHANUMERIC, BASE64URL, Prng } from './prng.js';

function lastSegment(id: string, separator: string): string {
  return id.slice(id.lastIndexOf(separator) + 1);
}

/** `user@instance` → [user, instance]; local handles fall back to the government instance. */
function mastodonParts(handle: string): [string, string] {
  const [user = handle, instance = 'social.overheid.nl'] = handle.split('@');
  return [user, instance];
}

export function itemUrl(
  item: PlannedItem,
  author: NormalisedActor,
  root: PlannedItem,
  rootAuthor: NormalisedActor,
): string | null {
  if (item.kind === 'message') return null;
  const handle = author.handle ?? author.platformActorId;
  const id = item.id;
  const isComment = item.parentIndex >= 0;
  switch (item.platform) {
    case 'x':
      return `https://x.com/${handle}/status/${id}`;
    case 'mastodon': {
      const [user, instance] = mastodonParts(handle);
      return item.role === 'repost'
        ? `https://${instance}/users/${user}/statuses/${id}/activity`
        : `https://${instance}/@${user}/${id}`;
    }
    case 'bluesky':
      return item.role === 'repost'
        ? null
        : `https://bsky.app/profile/${handle}/post/${lastSegment(id, '/')}`;
    case 'facebook': {
      if (!isComment) return `https://www.facebook.com/${handle}/posts/${lastSegment(id, '_')}`;
      const page = rootAuthor.handle ?? rootAuthor.platformActorId;
      return `https://www.facebook.com/${page}/posts/${lastSegment(root.id, '_')}?comment_id=${lastSegment(id, '_')}`;
    }
    case 'instagram':
      if (item.kind === 'story') return `https://www.instagram.com/stories/${handle}/${id}/`;
      return isComment
        ? `https://www.instagram.com/p/${instagramShortcode(root.id)}/c/${id}/`
        : `https://www.instagram.com/p/${instagramShortcode(id)}/`;
    case 'linkedin':
      return isComment
        ? `https://www.linkedin.com/feed/update/${root.id}/?commentUrn=${encodeURIComponent(id)}`
        : `https://www.linkedin.com/feed/update/${id}/`;
    case 'youtube':
      return isComment
        ? `https://www.youtube.com/watch?v=${root.id}&lc=${id}`
        : `https://www.youtube.com/watch?v=${id}`;
    case 'tiktok':
      // TikTok has no permalink for a single comment.
      return isComment ? null : `https://www.tiktok.com/@${handle}/video/${id}`;
  }
}

export function mediaUrl(item: PlannedItem, author: NormalisedActor, rng: Prng): string {
  switch (item.platform) {
    case 'x':
      return `https://pbs.twimg.com/media/${rng.chars(15, BASE64URL)}?format=png`;
    case 'mastodon': {
      const [, instance] = mastodonParts(author.handle ?? '');
      const n = rng.digits(18);
      return `https://${instance}/system/media_attachments/files/${n.slice(0, 3)}/${n.slice(3, 6)}/${n.slice(6, 9)}/original/${rng.chars(16, '0123456789abcdef')}.png`;
    }
    case 'bluesky':
      return `https://cdn.bsky.app/img/feed_fullsize/plain/${author.platformActorId}/bafkrei${rng.chars(52, 'abcdefghijklmnopqrstuvwxyz234567')}@png`;
    case 'facebook':
      return `https://scontent.xx.fbcdn.net/v/t39.30808-6/${rng.digits(9)}_${rng.digits(16)}_${rng.digits(19)}_n.png`;
    case 'instagram':
      return `https://scontent.cdninstagram.com/v/t51.29350-15/${rng.digits(9)}_${rng.digits(16)}_${rng.digits(19)}_n.png`;
    case 'linkedin':
      return `https://media.licdn.com/dms/image/v2/D4E22AQ${rng.chars(12, ALPHANUMERIC)}/feedshare-shrink_800/0/${rng.digits(13)}`;
    case 'youtube':
      return `https://i.ytimg.com/vi/${item.id}/hqdefault.png`;
    case 'tiktok':
      return `https://p16-sign-va.tiktokcdn.com/obj/tos-maliva-p-0068/${rng.chars(32, '0123456789abcdef')}.png`;
  }
}
