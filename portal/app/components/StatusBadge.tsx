import type { ItemStatus } from '../graphql/enums';
import { useDictionary } from '../i18n/use-dictionary';

/** Only edited and deleted items get a badge; live is the unremarkable default. */
export function StatusBadge({ status }: { status: ItemStatus }) {
  const t = useDictionary();
  if (status === 'LIVE') return null;
  return <span className={`badge badge--${status.toLowerCase()}`}>{t.status[status]}</span>;
}
