import type Database from 'better-sqlite3';
import { RidBits } from './rid-bits.js';

const DEFAULT_MAX_BYTES = 48 * 1024 * 1024;
const MAX_ENTRIES = 1024;

/** A cached set: ascending rids when sparse, a bitmap when that is smaller. */
interface Cached {
  rids: Uint32Array | null;
  bits: RidBits | null;
  bytes: number;
}

/**
 * The rids an FTS5 MATCH expression selects, ascending, cached per expression until the index
 * changes: paging, narrowing by facets and other queries with the same words repeat the same text,
 * and extracting a large match set from FTS5 is the dominant cost of a broad query (~80 ns per
 * matching document). Dense sets are kept as bitmaps (a word in 40% of a million posts: 125 kB
 * instead of 1.6 MB), so a few hundred broad sets fit the budget. Extracted as one string (see
 * DocColumns for why).
 */
export class MatchSets {
  private readonly extract: Database.Statement<[string], string | null>;
  private readonly cache = new Map<string, Cached>();
  private readonly countStatement: Database.Statement<[string, number], number>;
  private readonly counts = new Map<string, number>();
  private cachedBytes = 0;

  constructor(
    db: Database.Database,
    /** Bounds the memory held by cached match sets. */
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {
    this.extract = db
      .prepare<[string], string | null>(
        "SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH ?",
      )
      .pluck();
    this.countStatement = db
      .prepare<[string, number], number>(
        'SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT ?)',
      )
      .pluck();
  }

  /** How many documents match, counted up to `cap` (the count stops there: it costs ~35 ns per document). */
  countUpTo(match: string, cap: number): number {
    const known = this.cache.get(match);
    if (known) return Math.min(cap, known.rids?.length ?? known.bits!.size);
    const key = `${cap}:${match}`;
    let count = this.counts.get(key);
    if (count === undefined) {
      if (this.counts.size >= MAX_ENTRIES) this.counts.clear();
      this.counts.set(key, (count = this.countStatement.get(match, cap)!));
    }
    return count;
  }

  /** Call whenever the index changed. */
  invalidate(): void {
    this.cache.clear();
    this.counts.clear();
    this.cachedBytes = 0;
  }

  /** The matching rids, ascending. */
  get(match: string): Uint32Array {
    const cached = this.lookup(match);
    return cached.rids ?? cached.bits!.toRids();
  }

  /** How many documents match. */
  size(match: string): number {
    const cached = this.lookup(match);
    return cached.rids?.length ?? cached.bits!.size;
  }

  /** The matching rids as a membership bitmap. */
  bits(match: string): RidBits {
    const cached = this.lookup(match);
    return cached.bits ?? RidBits.of(cached.rids!);
  }

  private lookup(match: string): Cached {
    const cached = this.cache.get(match);
    if (cached) {
      // Re-inserting keeps the Map's order least-recently-used first.
      this.cache.delete(match);
      this.cache.set(match, cached);
      return cached;
    }
    const rids = parseRids(this.extract.get(match) ?? '');
    const bitsBytes = RidBits.bytesFor(rids.length === 0 ? 0 : rids[rids.length - 1]!);
    const entry: Cached =
      bitsBytes < rids.byteLength
        ? { rids: null, bits: RidBits.of(rids), bytes: bitsBytes }
        : { rids, bits: null, bytes: rids.byteLength };
    while (
      this.cache.size > 0 &&
      (this.cache.size >= MAX_ENTRIES || this.cachedBytes + entry.bytes > this.maxBytes)
    ) {
      const [oldest, evicted] = this.cache.entries().next().value as [string, Cached];
      this.cache.delete(oldest);
      this.cachedBytes -= evicted.bytes;
    }
    if (entry.bytes <= this.maxBytes) {
      this.cache.set(match, entry);
      this.cachedBytes += entry.bytes;
    }
    return entry.rids ? entry : { rids, bits: entry.bits, bytes: entry.bytes };
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
