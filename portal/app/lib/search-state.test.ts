import { describe, expect, it } from 'vitest';
import {
  canonicalSearch,
  firstPageSearch,
  MAX_PREV,
  nextPageSearch,
  pageNumber,
  parseSearchState,
  previousPageSearch,
  toSearchVariables,
  yearSearch,
} from './search-state';

const p = (s: string) => new URLSearchParams(s);

describe('parseSearchState', () => {
  it('reads filters, ignoring unknown values', () => {
    const s = parseSearchState(
      p(
        'q=+minister+&platform=x&platform=FACEBOOK&platform=myspace&status=deleted&kind=post&author=own&from=2024-02-30&to=2024-12-31&sort=nieuwste&org=o1',
      ),
    );
    expect(s).toMatchObject({
      query: 'minister',
      platforms: ['X', 'FACEBOOK'],
      statuses: ['DELETED'],
      kinds: ['POST'],
      authorKind: 'OWN',
      from: undefined,
      to: '2024-12-31',
      sort: 'NEWEST',
      organisationId: 'o1',
      after: undefined,
      prev: [],
    });
  });

  it('defaults to relevance, empty query', () => {
    expect(parseSearchState(p(''))).toMatchObject({ query: '', sort: 'RELEVANCE', platforms: [] });
  });
});

describe('toSearchVariables', () => {
  it('turns Dutch calendar days into instants', () => {
    const v = toSearchVariables(parseSearchState(p('from=2024-07-01&to=2024-01-31&after=c2')));
    // Summer time (UTC+2) for the start, winter time (UTC+1) for the end.
    expect(v.filter.from).toBe('2024-06-30T22:00:00.000Z');
    expect(v.filter.to).toBe('2024-01-31T22:59:59.999Z');
    expect(v.after).toBe('c2');
    expect(v.first).toBe(20);
  });

  it('sends no empty filter lists', () => {
    expect(toSearchVariables(parseSearchState(p('q=x'))).filter).toEqual({});
  });
});

describe('cursor paging', () => {
  it('walks forward and back through a stack of cursors', () => {
    const page1 = p('q=wet&sort=oudste');
    expect(pageNumber(parseSearchState(page1))).toBe(1);
    expect(previousPageSearch(page1)).toBeNull();

    const page2 = p(nextPageSearch(page1, 'c1'));
    expect(parseSearchState(page2)).toMatchObject({ after: 'c1', prev: [''], query: 'wet', sort: 'OLDEST' });
    expect(pageNumber(parseSearchState(page2))).toBe(2);

    const page3 = p(nextPageSearch(page2, 'c2'));
    expect(parseSearchState(page3)).toMatchObject({ after: 'c2', prev: ['', 'c1'] });
    expect(pageNumber(parseSearchState(page3))).toBe(3);

    const back2 = p(previousPageSearch(page3) ?? '');
    expect(parseSearchState(back2)).toMatchObject({ after: 'c1', prev: [''] });

    const back1 = p(previousPageSearch(back2) ?? '');
    expect(back1.has('after')).toBe(false);
    expect(back1.has('prev')).toBe(false);
    expect(back1.get('q')).toBe('wet');
  });

  it('bounds the stack', () => {
    let params = p('q=x');
    for (let i = 0; i < MAX_PREV + 10; i++) params = p(nextPageSearch(params, `c${i}`));
    expect(parseSearchState(params).prev).toHaveLength(MAX_PREV);
    expect(params.get('after')).toBe(`c${MAX_PREV + 9}`);
  });

  it('resets paging for the first page and a year filter', () => {
    const deep = p('q=x&after=c2&prev=&prev=c1');
    expect(firstPageSearch(deep)).toBe('q=x');
    expect(yearSearch(deep, '2023')).toBe('q=x&from=2023-01-01&to=2023-12-31');
  });
});

describe('canonicalSearch', () => {
  it('drops empty form fields and the default sort, keeping the cursor stack', () => {
    expect(canonicalSearch(p('q=wet&sort=relevantie&author=&from=&to=&org=&prev=&after=c1'))).toBe(
      'q=wet&prev=&after=c1',
    );
    expect(canonicalSearch(p('q=&sort=nieuwste'))).toBe('sort=nieuwste');
  });

  it('leaves a tidy search alone', () => {
    expect(canonicalSearch(p('q=wet&status=deleted'))).toBeNull();
    expect(canonicalSearch(p(''))).toBeNull();
  });
});
