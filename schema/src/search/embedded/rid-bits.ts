/** A set of rids as one bit per rid (rid 0 up to the highest rid in the set). */
export class RidBits {
  private constructor(
    readonly words: Uint32Array,
    /** How many rids are in the set. */
    readonly size: number,
  ) {}

  /** Bytes a bitmap up to `maxRid` takes: compared with 4 bytes per rid to pick the smaller form. */
  static bytesFor(maxRid: number): number {
    return ((maxRid >>> 5) + 1) * 4;
  }

  static of(rids: Uint32Array): RidBits {
    const words = new Uint32Array(rids.length === 0 ? 0 : (rids[rids.length - 1]! >>> 5) + 1);
    let size = 0;
    for (let i = 0; i < rids.length; i++) {
      const rid = rids[i]!;
      const w = rid >>> 5;
      const bit = 1 << (rid & 31);
      if ((words[w]! & bit) === 0) size++;
      words[w] = words[w]! | bit;
    }
    return new RidBits(words, size);
  }

  has(rid: number): boolean {
    const w = rid >>> 5;
    return w < this.words.length && (this.words[w]! & (1 << (rid & 31))) !== 0;
  }

  /** The rids, ascending. */
  toRids(): Uint32Array {
    const rids = new Uint32Array(this.size);
    const { words } = this;
    let n = 0;
    for (let w = 0; w < words.length; w++) {
      let word = words[w]!;
      while (word !== 0) {
        // The lowest set bit first: rids come out ascending.
        const low = word & -word;
        rids[n++] = (w << 5) | (31 - Math.clz32(low));
        word ^= low;
      }
    }
    return rids;
  }
}
