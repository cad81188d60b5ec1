import type { FacetValue } from '../graphql/types';
import { useDictionary } from '../i18n/use-dictionary';

interface Props<T extends string> {
  form: string;
  name: string;
  legend: string;
  values: readonly T[];
  selected: readonly T[];
  facet: FacetValue[];
  label: (value: T) => string;
}

function countOf(facet: FacetValue[], value: string): number | undefined {
  return facet.find((f) => f.value.toUpperCase() === value)?.count;
}

/**
 * A filter group with the number of matching items beside each value. Values without matches are
 * left out (unless selected) to keep the list short; without facet data every value is offered.
 */
export function FacetCheckboxes<T extends string>({
  form,
  name,
  legend,
  values,
  selected,
  facet,
  label,
}: Props<T>) {
  const { locale } = useDictionary();
  const visible =
    facet.length === 0 ? values : values.filter((v) => selected.includes(v) || (countOf(facet, v) ?? 0) > 0);
  if (visible.length === 0) return null;
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <ul>
        {visible.map((value) => {
          const id = `${name}-${value.toLowerCase()}`;
          const count = countOf(facet, value);
          return (
            <li key={value}>
              <input
                type="checkbox"
                id={id}
                form={form}
                name={name}
                value={value.toLowerCase()}
                defaultChecked={selected.includes(value)}
              />
              <label htmlFor={id}>
                {label(value)}
                {count !== undefined && <span className="count"> ({count.toLocaleString(locale)})</span>}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
