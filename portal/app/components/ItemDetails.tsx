import { PLATFORM_LABELS } from '../graphql/enums';
import type { ItemDetail } from '../graphql/types';
import { useDictionary } from '../i18n/use-dictionary';
import { formatDateTime } from '../lib/format';
import { authorHandle, authorName } from '../lib/people';
import { StatusBadge } from './StatusBadge';

/** The metadata table of an item page. */
export function ItemDetails({ item }: { item: ItemDetail }) {
  const d = useDictionary();
  const t = d.item;
  const when = (iso: string | null) =>
    iso ? <time dateTime={iso}>{formatDateTime(iso, d.locale)}</time> : null;
  const platform = PLATFORM_LABELS[item.platform];
  const handle = authorHandle(item);
  return (
    <dl className="details">
      <dt>{t.platform}</dt>
      <dd>{platform}</dd>
      <dt>{t.organisation}</dt>
      <dd className="details__org" data-org-slug={item.organisation.slug}>
        {item.organisation.name}
      </dd>
      {item.account && (
        <>
          <dt>{t.account}</dt>
          <dd>
            {item.account.displayName} <span className="muted">@{item.account.handle.replace(/^@/, '')}</span>
            <span className="muted"> · {d.accountKinds[item.account.kind]}</span>
          </dd>
        </>
      )}
      <dt>{t.author}</dt>
      <dd>
        {authorName(item, d.common.unknown)}
        {handle && <span className="muted"> {handle}</span>}
      </dd>
      <dt>{t.kind}</dt>
      <dd>{d.kinds[item.kind]}</dd>
      <dt>{t.status}</dt>
      <dd>
        {d.status[item.status]} <StatusBadge status={item.status} />
      </dd>
      <dt>{t.createdAt}</dt>
      <dd>{when(item.createdAt)}</dd>
      <dt>{t.firstSeenAt}</dt>
      <dd>{when(item.firstSeenAt)}</dd>
      <dt>{t.lastSeenAt}</dt>
      <dd>{when(item.lastSeenAt)}</dd>
      {item.deletedAt && (
        <>
          <dt>{t.deletedAt}</dt>
          <dd>{when(item.deletedAt)}</dd>
        </>
      )}
      <dt>{t.platformItemId}</dt>
      <dd>
        <code>{item.platformItemId}</code>
      </dd>
      <dt>{t.original}</dt>
      <dd>
        {item.url && /^https?:\/\//i.test(item.url) ? (
          <a href={item.url} rel="noopener noreferrer external">
            {t.openOriginal(platform)}
          </a>
        ) : (
          t.noOriginal
        )}
      </dd>
    </dl>
  );
}
