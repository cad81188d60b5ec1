import { Link } from '@remix-run/react';
import { ITEM_KINDS, ITEM_STATUSES, PLATFORM_LABELS, PLATFORMS } from '../graphql/enums';
import type { Organisation, SearchFacets } from '../graphql/types';
import { useDictionary } from '../i18n/use-dictionary';
import { yearSearch, type SearchState } from '../lib/search-state';
import { FacetCheckboxes } from './FacetCheckboxes';

interface Props {
  form: string;
  state: SearchState;
  params: URLSearchParams;
  facets: SearchFacets | null;
  organisations: Organisation[];
}

const NO_FACETS: SearchFacets = { platform: [], status: [], kind: [], year: [] };

/** The filter column; its inputs belong to the search form through the `form` attribute. */
export function SearchFilters({ form, state, params, facets, organisations }: Props) {
  const d = useDictionary();
  const t = d.search;
  const f = facets ?? NO_FACETS;
  const authorOptions = [
    { value: '', label: t.authorAny },
    { value: 'own', label: t.authorOwn },
    { value: 'other', label: t.authorOther },
  ];
  const currentAuthor = state.authorKind?.toLowerCase() ?? '';
  const years = [...f.year].sort((a, b) => b.value.localeCompare(a.value));

  return (
    <aside className="filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t.filtersHeading}</h2>

      {organisations.length > 1 && (
        <div className="field">
          <label htmlFor="org">{t.organisation}</label>
          <select id="org" name="org" form={form} defaultValue={state.organisationId ?? ''}>
            <option value="">{t.allOrganisations}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id} data-org-slug={o.slug}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}

      <FacetCheckboxes
        form={form}
        name="platform"
        legend={t.platform}
        values={PLATFORMS}
        selected={state.platforms}
        facet={f.platform}
        label={(v) => PLATFORM_LABELS[v]}
      />
      <FacetCheckboxes
        form={form}
        name="status"
        legend={t.status}
        values={ITEM_STATUSES}
        selected={state.statuses}
        facet={f.status}
        label={(v) => d.status[v]}
      />
      <FacetCheckboxes
        form={form}
        name="kind"
        legend={t.kind}
        values={ITEM_KINDS}
        selected={state.kinds}
        facet={f.kind}
        label={(v) => d.kinds[v]}
      />

      <fieldset className="filter-group">
        <legend>{t.author}</legend>
        <ul>
          {authorOptions.map((o) => (
            <li key={o.value}>
              <input
                type="radio"
                id={`author-${o.value || 'any'}`}
                name="author"
                value={o.value}
                form={form}
                defaultChecked={currentAuthor === o.value}
              />
              <label htmlFor={`author-${o.value || 'any'}`}>{o.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="field-row">
        <div className="field">
          <label htmlFor="from">{t.dateFrom}</label>
          <input type="date" id="from" name="from" form={form} defaultValue={state.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="to">{t.dateTo}</label>
          <input type="date" id="to" name="to" form={form} defaultValue={state.to ?? ''} />
        </div>
      </div>

      {years.length > 0 && (
        <div className="filter-group">
          <h3 className="filter-group__heading">{t.year}</h3>
          <ul className="year-list">
            {years.map((y) => (
              <li key={y.value}>
                <Link to={`?${yearSearch(params, y.value)}`}>{y.value}</Link>{' '}
                <span className="count">({y.count.toLocaleString(d.locale)})</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="filters__actions">
        <button type="submit" form={form} className="button">
          {t.applyFilters}
        </button>
        <Link to="/zoeken" className="button button--secondary">
          {t.clearFilters}
        </Link>
      </div>
    </aside>
  );
}
