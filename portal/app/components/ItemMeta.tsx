import { PLATFORM_LABELS } from '../graphql/enums';
import type { ItemSummary } from '../graphql/types';
import { useDictionary } from '../i18n/use-dictionary';
import { formatDateTime } from '../lib/format';
import { authorHandle, authorName } from '../lib/people';
import { StatusBadge } from './StatusBadge';

/** One line of who/where/when for an item, used in result lists and threads. */
export function ItemMeta({ item, withAuthor = true }: { item: ItemSummary; withAuthor?: boolean }) {
  const t = useDictionary();
  const handle = authorHandle(item);
  return (
    <p className="item-meta">
      {withAuthor && (
        <span className="item-meta__author">
          {authorName(item, t.common.unknown)}
          {handle && <span className="item-meta__handle"> {handle}</span>}
        </span>
      )}
      {!withAuthor && handle && <span className="item-meta__handle">{handle}</span>}
      <span className="item-meta__platform">{PLATFORM_LABELS[item.platform]}</span>
      <span className="item-meta__kind">{t.kinds[item.kind]}</span>
      <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, t.locale)}</time>
      <span className="item-meta__org" data-org-slug={item.organisation.slug}>
        {item.organisation.name}
      </span>
      <StatusBadge status={item.status} />
    </p>
  );
}
