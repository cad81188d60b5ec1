import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Link, useLoaderData, useRouteError } from '@remix-run/react';
import { expectOk, requireAuth } from '../auth.server';
import { ErrorPage } from '../components/ErrorPage';
import { ItemDetails } from '../components/ItemDetails';
import { ItemMeta } from '../components/ItemMeta';
import { ThreadCard } from '../components/ThreadCard';
import { VersionList } from '../components/VersionList';
import { item as fetchItem } from '../graphql/item.server';
import { useDictionary } from '../i18n/use-dictionary';
import { excerpt } from '../lib/format';
import { pageTitle } from '../lib/meta';
import { authorName } from '../lib/people';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? `${authorName(data.item, t.common.unknown)}: ${excerpt(data.item.text, 60)}`
      : t.errors.notFoundTitle,
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireAuth(request);
  const item = await expectOk(request, await fetchItem(token, params.id ?? ''));
  return { item };
}

const REPLY_KINDS = new Set(['REPLY', 'COMMENT']);

export default function ItemPage() {
  const d = useDictionary();
  const t = d.item;
  const { item } = useLoaderData<typeof loader>();

  return (
    <article className="item-page" aria-labelledby="item-title">
      <p>
        <Link to="/zoeken" className="back-link">
          {t.backToSearch}
        </Link>
      </p>
      <h1 id="item-title">{t.title(d.kinds[item.kind], authorName(item, d.common.unknown))}</h1>
      <ItemMeta item={item} />

      {item.status === 'DELETED' && (
        <div className="alert alert--deleted" role="note">
          <strong>{d.status.DELETED}.</strong> {t.deletedNotice}
        </div>
      )}

      <section aria-labelledby="current-heading" className="item-section">
        <h2 id="current-heading">{t.currentText}</h2>
        <blockquote className="item-text">{item.text}</blockquote>
      </section>

      <section aria-labelledby="details-heading" className="item-section">
        <h2 id="details-heading">{t.details}</h2>
        <ItemDetails item={item} />
      </section>

      <section aria-labelledby="versions-heading" className="item-section" id="versies">
        <h2 id="versions-heading">
          {t.versionsHeading} <span className="muted">({item.versions.length})</span>
        </h2>
        <VersionList versions={item.versions} />
      </section>

      <section aria-labelledby="thread-heading" className="item-section">
        <h2 id="thread-heading">{t.threadHeading}</h2>
        {item.inReplyTo ? (
          <div className="thread-parent">
            <h3>{t.inReplyTo}</h3>
            <ThreadCard item={item.inReplyTo} />
          </div>
        ) : (
          REPLY_KINDS.has(item.kind) && <p className="muted">{t.parentMissing}</p>
        )}
        <h3>
          {t.replies} <span className="muted">({item.replies.length})</span>
        </h3>
        {item.replies.length === 0 ? (
          <p className="muted">{t.noReplies}</p>
        ) : (
          <ul className="thread-replies">
            {item.replies.map((reply) => (
              <li key={reply.id}>
                <ThreadCard item={reply} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} />;
}
