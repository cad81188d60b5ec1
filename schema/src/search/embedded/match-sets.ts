import type Database from 'better-sqlite3';

/** Bounds the memory held by cached match sets (4 bytes per rid). */
const CACHE_MAX_RIDS = 8_000_000;
const CACHE_MAX_ENTRIES = 64;

/**
 * The rids an FTS5 MATCH expression selects, ascending, cached per expression until the index
 * changes: paging and narrowing by facets repeat the same text, and extracting a large match set is
 * the dominant cost of a broad query. Extracted as one string (see DocColumns for why).
 */
export class MatchSets {
  private readonly extract: Database.Statement<[string], string | null>;
  private readonly cache = new Map<string, Uint32Array>();
  private cachedRids = 0;

  constructor(db: Database.Database) {
    this.extract = db
      .prepare<[string], string | null>(
        "SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH ?",
      )
      .pluck();
  }

  /** Call whenever the index changed. */
  invalidate(): void {
    this.cache.clear();
    this.cachedRids = 0;
  }

  get(match: string): Uint32Array {
    const cached = this.cache.get(match);
    if (cached) {
      // Re-inserting keeps the Map's order least-recently-used first.
      this.cache.delete(match);
      this.cache.set(match, cached);
      return cached;
    }
    const rids = parseRids(this.extract.get(match) ?? '');
    while (
      this.cache.size > 0 &&
      (this.cache.size >= CACHE_MAX_ENTRIES || this.cachedRids + rids.length > CACHE_MAX_RIDS)
    ) {
      const [oldest, set] = this.cache.entries().next().value as [string, Uint32Array];
      this.cache.delete(oldest);
      this.cachedRids -= set.length;
    }
    if (rids.length <= CACHE_MAX_RIDS) {
      this.cache.set(match, rids);
      this.cachedRids += rids.length;
    }
    return rids;
  }
}

function parseRids(text: string): Uint32Array {
  if (text.length === 0) return new Uint32Array(0);
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  const rids = new Uint32Array(count);
  let n = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      rids[n++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  rids[n] = value;
  return rids;
}

/** A membership bitmap over rids 0..maxRid. */
export function toBitmap(rids: Uint32Array, maxRid: number): Uint8Array {
  const bitmap = new Uint8Array(maxRid + 1);
  for (let i = 0; i < rids.length; i++) {
    const rid = rids[i]!;
    if (rid <= maxRid) bitmap[rid] = 1;
  }
  return bitmap;
}
