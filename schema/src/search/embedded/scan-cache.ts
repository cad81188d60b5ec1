import type { ScanResult } from './column-filter.js';

const MAX_ENTRIES = 16;
const MAX_RIDS = 4_000_000;

/**
 * The filtered matches and facet counts of recent requests, keyed by everything but the page:
 * turning a page or re-running a search repeats the same scan. Emptied whenever the index changes.
 */
export class ScanCache {
  private readonly entries = new Map<string, ScanResult>();
  private rids = 0;

  clear(): void {
    this.entries.clear();
    this.rids = 0;
  }

  get(key: string, compute: () => ScanResult): ScanResult {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = compute();
    while (
      this.entries.size > 0 &&
      (this.entries.size >= MAX_ENTRIES || this.rids + result.rids.length > MAX_RIDS)
    ) {
      const [oldest, evicted] = this.entries.entries().next().value as [string, ScanResult];
      this.entries.delete(oldest);
      this.rids -= evicted.rids.length;
    }
    if (result.rids.length <= MAX_RIDS) {
      this.entries.set(key, result);
      this.rids += result.rids.length;
    }
    return result;
  }
}
