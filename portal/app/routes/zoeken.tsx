import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useLoaderData, useLocation, useNavigation } from '@remix-run/react';
import { expectOk, requireAuth } from '../auth.server';
import { Pagination } from '../components/Pagination';
import { ResultItem } from '../components/ResultItem';
import { SearchFilters } from '../components/SearchFilters';
import { SEARCH_SORTS } from '../graphql/enums';
import { organisations, search } from '../graphql/search.server';
import { useDictionary } from '../i18n/use-dictionary';
import { pageTitle } from '../lib/meta';
import {
  canonicalSearch,
  pageNumber,
  parseSearchState,
  SORT_PARAM,
  toSearchVariables,
} from '../lib/search-state';
import { throwResponse } from '../lib/remix-flow.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.search.title);

const FORM_ID = 'zoekformulier';

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireAuth(request);
  const url = new URL(request.url);
  const tidy = canonicalSearch(url.searchParams);
  if (tidy !== null) throwResponse(redirect(tidy ? `${url.pathname}?${tidy}` : url.pathname));
  const state = parseSearchState(url.searchParams);
  const [searchResult, orgResult] = await Promise.all([
    search(token, toSearchVariables(state)),
    organisations(token),
  ]);
  const orgs = await expectOk(request, orgResult);
  // A stale cursor or odd filter combination is the user's to fix, so it stays on the page.
  if (!searchResult.ok && searchResult.error.code === 'BAD_USER_INPUT') {
    return { state, organisations: orgs, result: null, invalid: true };
  }
  const result = await expectOk(request, searchResult);
  return { state, organisations: orgs, result, invalid: false };
}

export default function SearchPage() {
  const d = useDictionary();
  const t = d.search;
  const { state, organisations: orgs, result, invalid } = useLoaderData<typeof loader>();
  const location = useLocation();
  const navigation = useNavigation();
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang');
  const busy = navigation.state === 'loading' && navigation.location.pathname === '/zoeken';

  // Keyed by the URL so uncontrolled fields show the new search after client-side navigation.
  return (
    <div className="search-page" key={location.search} data-search={location.search}>
      <h1>{t.title}</h1>
      <Form method="get" id={FORM_ID} role="search" className="search-bar">
        {lang && <input type="hidden" name="lang" value={lang} />}
        <div className="field search-bar__query">
          <label htmlFor="q">{t.queryLabel}</label>
          <input id="q" name="q" type="search" defaultValue={state.query} aria-describedby="q-hint" />
          <p id="q-hint" className="hint">
            {t.queryHint}
          </p>
        </div>
        <div className="field search-bar__sort">
          <label htmlFor="sort">{t.sort}</label>
          <select id="sort" name="sort" defaultValue={SORT_PARAM[state.sort]}>
            {SEARCH_SORTS.map((s) => (
              <option key={s} value={SORT_PARAM[s]}>
                {t.sorts[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button search-bar__submit">
          {t.submit}
        </button>
      </Form>

      <div className="search-layout">
        <SearchFilters
          form={FORM_ID}
          state={state}
          params={params}
          facets={result?.facets ?? null}
          organisations={orgs}
        />
        <section className="results" aria-labelledby="results-heading" aria-busy={busy}>
          <h2 id="results-heading" className="visually-hidden">
            {t.resultsHeading}
          </h2>
          {invalid || !result ? (
            <p className="alert alert--error" role="alert">
              {t.invalidSearch}
            </p>
          ) : (
            <>
              <p className="results__count" role="status">
                {t.resultCount(result.totalCount)}
              </p>
              {result.edges.length === 0 ? (
                <p className="results__empty">{t.noResults}</p>
              ) : (
                <ol className="result-list">
                  {result.edges.map((edge) => (
                    <ResultItem key={edge.node.id} edge={edge} />
                  ))}
                </ol>
              )}
              <Pagination
                params={params}
                page={pageNumber(state)}
                hasNextPage={result.pageInfo.hasNextPage}
                endCursor={result.pageInfo.endCursor ?? result.edges.at(-1)?.cursor ?? null}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
