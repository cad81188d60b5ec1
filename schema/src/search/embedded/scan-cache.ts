import type { ScanResult } from './column-filter.js';

const DEFAULT_MAX_ENTRIES = 2048;
const DEFAULT_MAX_RIDS = 4_000_000;

/**
 * The result of recent scans, keyed by everything but the page: turning a page, re-running a search
 * or another user searching the same words repeats the same scan. Every entry keeps its total,
 * facet counts and first hits per order (a few kB), so many stay cached; the matching rids themselves
 * only while they fit `maxRids`. Emptied whenever the index changes.
 */
export class ScanCache {
  private readonly entries = new Map<string, ScanResult>();
  private rids = 0;

  constructor(
    /** Rids kept for recomputing an order or a deep page; a scan without them is recomputed for that. */
    private readonly maxRids = DEFAULT_MAX_RIDS,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  clear(): void {
    this.entries.clear();
    this.rids = 0;
  }

  get(key: string): ScanResult | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-inserting keeps the Map's order least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  put(key: string, result: ScanResult): void {
    const previous = this.entries.get(key);
    if (previous) this.forget(key, previous);
    if (this.maxEntries === 0) return;
    while (this.entries.size >= this.maxEntries) {
      const [oldest, evicted] = this.entries.entries().next().value as [string, ScanResult];
      this.forget(oldest, evicted);
    }
    // A copy sharing `ordered`: first hits found later are cached, while the caller keeps its rids
    // even when the cache lets go of them at once.
    const entry = { ...result };
    this.entries.set(key, entry);
    this.rids += entry.rids?.length ?? 0;
    // Drop the rids of the least recently used scans first; their totals, facets and first hits stay.
    for (const entry of this.entries.values()) {
      if (this.rids <= this.maxRids) break;
      if (entry.rids === null) continue;
      this.rids -= entry.rids.length;
      entry.rids = null;
    }
  }

  private forget(key: string, entry: ScanResult): void {
    this.entries.delete(key);
    this.rids -= entry.rids?.length ?? 0;
  }
}
