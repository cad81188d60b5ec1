import type { NormalisedItem } from '@bewaard/schema';

/**
 * Conversation roots from reply links, as far as a capture shows them. Mastodon statuses and
 * ActivityPub notes carry no root id (Mastodon's `conversation` is an opaque tag, not a post),
 * so the root is found by walking `inReplyTo` upwards through the items captured together:
 * a walk that ends at an item which replies to nothing has found the root; a walk that leaves
 * the capture (the parent was not captured) has not, and the conversation stays unknown.
 */
export class ThreadIndex {
  private readonly parents = new Map<string, string | null>();

  add(item: NormalisedItem): void {
    // A repost is no part of the thread it points into.
    if (item.kind !== 'repost') this.addLink(item.platformItemId, item.inReplyToPlatformId);
  }

  /** Records that `id` replies to `parent` (null: to nothing, so it starts a thread). */
  addLink(id: string, parent: string | null): void {
    if (!this.parents.has(id)) this.parents.set(id, parent);
  }

  rootOf(itemId: string): string | null {
    const seen = new Set<string>();
    let current = itemId;
    for (;;) {
      if (seen.has(current)) return null; // a reply cycle: hostile or broken data
      seen.add(current);
      const parent = this.parents.get(current);
      if (parent === undefined) return null;
      if (parent === null) return current;
      current = parent;
    }
  }

  /** Sets conversationPlatformId on the items (reposts keep null), using all items seen so far. */
  assignRoots(items: NormalisedItem[], fixedRoot: string | null = null): void {
    for (const item of items) this.add(item);
    for (const item of items) {
      if (item.kind === 'repost') continue;
      item.conversationPlatformId = fixedRoot ?? this.rootOf(item.platformItemId);
    }
  }
}
