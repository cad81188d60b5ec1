import type { ItemSummary } from '../graphql/types';

type Authored = Pick<ItemSummary, 'author' | 'account'>;

function handleOf(item: Authored): string | null {
  const handle = item.author.handle ?? item.account?.handle ?? null;
  return handle ? `@${handle.replace(/^@/, '')}` : null;
}

/** Who wrote an item, as readable as the capture allows. */
export function authorName(item: Authored, unknown: string): string {
  return item.author.displayName ?? item.account?.displayName ?? handleOf(item) ?? unknown;
}

/** The author's @handle, or null when there is none or it is already the name shown. */
export function authorHandle(item: Authored): string | null {
  const handle = handleOf(item);
  return handle && handle !== authorName(item, '') ? handle : null;
}
