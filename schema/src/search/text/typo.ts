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

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), giving up
 * early: returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}

/** Whether `token` is `word` with at most the typos the word's length allows (same first character). */
export function withinTypos(token: string, word: string, typos: number): boolean {
  if (typos === 0 || token[0] !== word[0]) return false;
  return typoDistance(token, word, typos) <= typos;
}
