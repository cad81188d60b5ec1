import type { ItemVersion } from '../graphql/types';
import { useDictionary } from '../i18n/use-dictionary';
import { formatDateTime } from '../lib/format';

/** Every captured version, oldest first, the latest marked as the current one. */
export function VersionList({ versions }: { versions: ItemVersion[] }) {
  const t = useDictionary();
  const sorted = [...versions].sort((a, b) => a.versionNo - b.versionNo);
  const current = sorted.at(-1)?.versionNo;
  return (
    <ol className="versions">
      {sorted.map((v) => {
        const isCurrent = v.versionNo === current;
        return (
          <li
            key={v.id}
            className={isCurrent ? 'version version--current' : 'version'}
            aria-current={isCurrent ? 'true' : undefined}
          >
            <h3 className="version__title">
              {t.item.versionLabel(v.versionNo)}
              {isCurrent && <span className="badge badge--current">{t.item.currentVersion}</span>}
            </h3>
            <p className="version__meta">
              {t.item.capturedAt}:{' '}
              <time dateTime={v.capturedAt}>{formatDateTime(v.capturedAt, t.locale)}</time>
              {v.platformEditedAt && (
                <>
                  {' · '}
                  {t.item.platformEditedAt}:{' '}
                  <time dateTime={v.platformEditedAt}>{formatDateTime(v.platformEditedAt, t.locale)}</time>
                </>
              )}
            </p>
            <div className="version__text">{v.text}</div>
          </li>
        );
      })}
    </ol>
  );
}
