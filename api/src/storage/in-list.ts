/** Beyond this many values a list is sent as it is (the padding would only add parameters). */
const MAX_PADDED = 1024;

/**
 * `?, ?, …` for an `IN (…)` of these values, with the list padded (repeating its last value) to
 * the next power of two. A repeated value does not change what `IN` matches, and the padding
 * keeps the number of distinct statement texts small, so the SQLite driver's statement cache
 * (100 entries) keeps them prepared instead of preparing a new text for every list length.
 */
export function inList<V>(values: readonly V[]): { placeholders: string; params: V[] } {
  const last = values[values.length - 1];
  if (last === undefined) throw new Error('inList needs at least one value');
  let size = 1;
  while (size < values.length) size *= 2;
  const params = [...values];
  if (size <= MAX_PADDED) while (params.length < size) params.push(last);
  return { placeholders: params.map(() => '?').join(', '), params };
}
