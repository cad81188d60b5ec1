/**
 * Platform ids for planned items, in each platform's own format and unique per platform. Some
 * formats embed other ids (a Bluesky URI its author's DID, a LinkedIn or Facebook comment its
 * post's id), so an id is made from the item's place in its conversation, not only from chance.
 */
import type { ItemKind, Platform } from '@bewaard/schema';
import { DEMO_ACCOUNTS } from './organisations.js';
import type { PlanState } from './plan-state.js';
import type { AuthorRef, ItemRole, PlannedItem } from './plan-types.js';
import * as ids from './platform-ids.js';

export interface IdSpec {
  platform: Platform;
  role: ItemRole;
  kind: ItemKind;
  author: AuthorRef;
  parent: PlannedItem | null;
  root: PlannedItem | null;
}

/** `at` is the moment the id is issued: X, Mastodon, TikTok, Bluesky and LinkedIn ids encode it. */
export function makeId(state: PlanState, spec: IdSpec, at: number): string {
  const rng = state.rng;
  // Random ids can collide; drawing again keeps every item's id its own.
  for (;;) {
    let id: string;
    switch (spec.platform) {
      case 'x':
        id = ids.xSnowflake(rng, at);
        break;
      case 'mastodon':
        id = ids.mastodonId(rng, at);
        break;
      case 'tiktok':
        id = ids.tiktokId(rng, at);
        break;
      case 'bluesky': {
        const collection = spec.role === 'repost' ? 'app.bsky.feed.repost' : 'app.bsky.feed.post';
        id = `at://${authorId(state, spec.author, 'bluesky')}/${collection}/${ids.blueskyTid(rng, at)}`;
        break;
      }
      case 'linkedin':
        id =
          spec.parent && spec.root
            ? `urn:li:comment:(${spec.root.id},${ids.linkedinId(rng, at)})`
            : `urn:li:activity:${ids.linkedinId(rng, at)}`;
        break;
      case 'facebook':
        if (spec.kind === 'message') id = ids.messengerMessageId(rng);
        else if (spec.parent && spec.root)
          id = `${spec.root.id.split('_')[1] ?? spec.root.id}_${ids.facebookObjectId(rng)}`;
        else id = `${authorId(state, spec.author, 'facebook')}_${ids.facebookObjectId(rng)}`;
        break;
      case 'instagram':
        id = spec.kind === 'message' ? ids.instagramMessageId(rng) : ids.instagramObjectId(rng);
        break;
      case 'youtube':
        if (!spec.parent) id = ids.youtubeVideoId(rng);
        else if (spec.parent.depth === 0) id = ids.youtubeCommentId(rng);
        else id = ids.youtubeReplyId(rng, spec.parent.id);
        break;
    }
    const key = `${spec.platform}:${id}`;
    if (!state.usedIds.has(key)) {
      state.usedIds.add(key);
      return id;
    }
  }
}

function authorId(state: PlanState, author: AuthorRef, platform: Platform): string {
  return author.type === 'account'
    ? DEMO_ACCOUNTS[author.account]!.declaration.platformAccountId
    : state.citizens.actor(author.citizen, platform).platformActorId;
}
