/** Orders two rids: negative when `a` comes first. */
export type RidOrder = (a: number, b: number) => number;

/**
 * The first `k` rids of `rids` under `order`, plus every rid tied with the k-th, sorted by `order`
 * and then by `tieBreak` — a bounded heap instead of sorting every match, since a page needs only
 * the first few of possibly hundreds of thousands.
 */
export function topK(rids: Uint32Array, k: number, order: RidOrder, tieBreak: RidOrder): number[] {
  if (k <= 0 || rids.length === 0) return [];
  const heap: number[] = [];
  // Max-heap under `order`: the root is the worst rid kept so far.
  const worse = (i: number, j: number) => order(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < rids.length; i++) {
    const rid = rids[i]!;
    if (heap.length < k) {
      heap.push(rid);
      for (let j = heap.length - 1; j > 0;) {
        const p = (j - 1) >> 1;
        if (!worse(j, p)) break;
        swap(j, p);
        j = p;
      }
    } else if (order(rid, heap[0]!) < 0) {
      heap[0] = rid;
      siftDown(0);
    }
  }
  const boundary = heap[0]!;
  const selected: number[] = [];
  if (heap.length < k) selected.push(...heap);
  else for (let i = 0; i < rids.length; i++) if (order(rids[i]!, boundary) <= 0) selected.push(rids[i]!);
  return selected.sort((a, b) => order(a, b) || tieBreak(a, b));
}
