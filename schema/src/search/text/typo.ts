/**
 * Typo tolerance rules, Meilisearch's: no typo below 5 characters, one from 5, two from 9. Words with
 * digits (years, postcodes, case numbers) get none, because "2023" must not find "2024". Candidates
 * must share the first character, which also keeps vocabulary lookups to one narrow index range.
 */

export function allowedTypos(word: string): number {
  if (/\p{N}/u.test(word)) return 0;
  const length = [...word].length;
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** Three DP rows, reused across calls: typo expansion compares a query word with thousands of terms. */
let rows = new Int32Array(0);

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), giving up
 * early: returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  const width = n + 1;
  if (rows.length < 3 * width) rows = new Int32Array(6 * width);
  let prev2 = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j <= n; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ac = a.charCodeAt(i - 1);
    const before = i > 1 ? a.charCodeAt(i - 2) : -1;
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const bc = b.charCodeAt(j - 1);
      let d = rows[prev + j - 1]! + (ac === bc ? 0 : 1);
      const up = rows[prev + j]! + 1;
      if (up < d) d = up;
      const left = rows[cur + j - 1]! + 1;
      if (left < d) d = left;
      if (j > 1 && before === bc && ac === b.charCodeAt(j - 2)) {
        const swapped = rows[prev2 + j - 2]! + 1;
        if (swapped < d) d = swapped;
      }
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(rows[prev + n]!, max + 1);
}

/** Whether `token` is `word` with at most the typos the word's length allows (same first character). */
export function withinTypos(token: string, word: string, typos: number): boolean {
  if (typos === 0 || token[0] !== word[0]) return false;
  return typoDistance(token, word, typos) <= typos;
}
