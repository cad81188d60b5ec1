import type Database from 'better-sqlite3';
import { typoDistance } from '../text/typo.js';

/**
 * The indexed words, keyed by (first character, length), used to expand a query word with the terms
 * within its typo distance. FTS5's own fts5vocab table would do, but it counts postings for every term
 * it lists, which is what made typo queries slow at 1M documents; this table answers "terms starting
 * with b, 12–16 characters long" from one index range. Terms of deleted documents stay: they only
 * cost an extra OR alternative that matches nothing, and `clear` empties the table.
 */

/** Typo expansion needs 5+ letter query words, so shorter terms can never be within distance. */
const MIN_TERM_LENGTH = 4;
/** Longer tokens are URLs and hashes, not words anyone misspells. */
const MAX_TERM_LENGTH = 40;
/** Bounds the OR list an expanded word turns into. */
export const MAX_TYPO_CANDIDATES = 24;
const CACHE_SIZE = 2000;

function vocabularyKey(term: string): { head: string; len: number } | null {
  if (/\p{N}/u.test(term)) return null;
  const chars = [...term];
  if (chars.length < MIN_TERM_LENGTH || chars.length > MAX_TERM_LENGTH) return null;
  return { head: chars[0]!, len: chars.length };
}

export class Vocabulary {
  private readonly insert: Database.Statement<[string, number, string]>;
  private readonly lookup: Database.Statement<[string, number, number], string>;
  private readonly cache = new Map<string, string[]>();
  /** `PRAGMA data_version` when the cache was filled: it changes when another connection commits. */
  private cachedVersion: number | null = null;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare('INSERT OR IGNORE INTO search_vocab (head, len, term) VALUES (?, ?, ?)');
    this.lookup = db
      .prepare<[string, number, number], string>(
        'SELECT term FROM search_vocab WHERE head = ? AND len BETWEEN ? AND ?',
      )
      .pluck();
  }

  /** Adds terms; call inside the writing transaction. */
  add(terms: Iterable<string>): void {
    for (const term of terms) {
      const key = vocabularyKey(term);
      if (key) this.insert.run(key.head, key.len, term);
    }
  }

  /** Forget cached expansions (after a local write: data_version only reports other connections). */
  invalidate(): void {
    this.cache.clear();
  }

  /** Indexed terms within `typos` of `word` (same first character), closest first. */
  candidates(word: string, typos: number): string[] {
    if (typos <= 0) return [];
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.cachedVersion) {
      this.cache.clear();
      this.cachedVersion = version;
    }
    const cacheKey = `${typos}:${word}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;

    const chars = [...word];
    const scored: { term: string; d: number }[] = [];
    for (const term of this.lookup.all(chars[0] ?? '', chars.length - typos, chars.length + typos)) {
      if (term === word) continue;
      const d = typoDistance(term, word, typos);
      if (d <= typos) scored.push({ term, d });
    }
    scored.sort((a, b) => a.d - b.d || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const result = scored.slice(0, MAX_TYPO_CANDIDATES).map((s) => s.term);
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(cacheKey, result);
    return result;
  }
}
