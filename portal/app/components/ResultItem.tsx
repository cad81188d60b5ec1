import { Link } from '@remix-run/react';
import type { SearchEdge } from '../graphql/types';
import { useDictionary } from '../i18n/use-dictionary';
import { authorName } from '../lib/people';
import { ItemMeta } from './ItemMeta';
import { Snippet } from './Snippet';

export function ResultItem({ edge }: { edge: SearchEdge }) {
  const t = useDictionary();
  const { node, highlight, matchedVersionNo } = edge;
  const headingId = `result-${node.id}`;
  const showMatchedVersion =
    matchedVersionNo !== null && node.versionCount > 1 && matchedVersionNo !== node.versionCount;
  return (
    <li className="result">
      <article aria-labelledby={headingId}>
        <h3 className="result__title" id={headingId}>
          <Link to={`/items/${encodeURIComponent(node.id)}`}>{authorName(node, t.common.unknown)}</Link>
        </h3>
        <ItemMeta item={node} withAuthor={false} />
        <Snippet highlight={highlight} text={node.text} />
        {(showMatchedVersion || node.versionCount > 1) && (
          <p className="result__versions">
            {t.search.versions(node.versionCount)}
            {showMatchedVersion && ` · ${t.search.matchedVersion(matchedVersionNo)}`}
          </p>
        )}
      </article>
    </li>
  );
}
