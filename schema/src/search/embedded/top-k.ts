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

/**
 * `topK` for an order given as a score per rid (higher first): one score call per rid and plain
 * number comparisons, instead of two comparator calls per rid — the ordering cost of a query with
 * hundreds of thousands of matches. Rids tied with the k-th are kept, as in `topK`.
 */
export function topKByScore(
  rids: Uint32Array,
  k: number,
  score: (rid: number) => number,
  tieBreak: RidOrder,
): number[] {
  const n = rids.length;
  if (k <= 0 || n === 0) return [];
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = score(rids[i]!);
  // Min-heap of indexes by score: the root is the lowest score kept so far.
  const size = Math.min(k, n);
  const heap = new Int32Array(size);
  let filled = 0;
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < filled && scores[heap[l]!]! < scores[heap[m]!]!) m = l;
      if (r < filled && scores[heap[r]!]! < scores[heap[m]!]!) m = r;
      if (m === i) return;
      const t = heap[i]!;
      heap[i] = heap[m]!;
      heap[m] = t;
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    if (filled < size) {
      heap[filled] = i;
      for (let j = filled++; j > 0;) {
        const p = (j - 1) >> 1;
        if (scores[heap[p]!]! <= scores[heap[j]!]!) break;
        const t = heap[p]!;
        heap[p] = heap[j]!;
        heap[j] = t;
        j = p;
      }
    } else if (scores[i]! > scores[heap[0]!]!) {
      heap[0] = i;
      siftDown(0);
    }
  }
  const boundary = filled < k ? -Infinity : scores[heap[0]!]!;
  const selected: number[] = [];
  for (let i = 0; i < n; i++) if (scores[i]! >= boundary) selected.push(i);
  return selected
    .sort((a, b) => scores[b]! - scores[a]! || tieBreak(rids[a]!, rids[b]!))
    .map((i) => rids[i]!);
}
