import { Link } from '@remix-run/react';
import { useDictionary } from '../i18n/use-dictionary';
import { nextPageSearch, previousPageSearch } from '../lib/search-state';

interface Props {
  params: URLSearchParams;
  page: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export function Pagination({ params, page, hasNextPage, endCursor }: Props) {
  const t = useDictionary().search;
  const previous = previousPageSearch(params);
  const next = hasNextPage && endCursor ? nextPageSearch(params, endCursor) : null;
  if (previous === null && next === null) return null;
  return (
    <nav className="pagination" aria-label={t.pagination}>
      {previous !== null ? (
        <Link to={`?${previous}`} rel="prev" className="pagination__prev">
          {t.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__page" aria-current="page">
        {t.page(page)}
      </span>
      {next !== null ? (
        <Link to={`?${next}`} rel="next" className="pagination__next">
          {t.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
