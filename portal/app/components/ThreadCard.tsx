import { Link } from '@remix-run/react';
import type { ItemSummary } from '../graphql/types';
import { excerpt } from '../lib/format';
import { ItemMeta } from './ItemMeta';

/** A neighbouring item in a thread: who, when, the start of its text and a link. */
export function ThreadCard({ item }: { item: ItemSummary }) {
  return (
    <div className="thread-card">
      <ItemMeta item={item} />
      <p className="thread-card__text">
        <Link to={`/items/${encodeURIComponent(item.id)}`}>{excerpt(item.text, 200)}</Link>
      </p>
    </div>
  );
}
