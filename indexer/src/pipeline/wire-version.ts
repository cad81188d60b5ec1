import type { PreparedVersion, StoredMedia } from '@bewaard/schema';

/**
 * A prepared version as it arrived from the reader worker: the bulky text columns stay UTF-8 in
 * the chunk's transferred buffer and are decoded when read, i.e. when the version's row is bound.
 * The strings are then garbage at once, instead of living on the writing thread's heap (and being
 * copied by its GC) from their arrival until their batch is written.
 */
export class WireVersion implements PreparedVersion {
  constructor(
    private readonly bytes: Buffer,
    private readonly textStart: number,
    private readonly textEnd: number,
    private readonly contentEnd: number,
    private readonly rawEnd: number,
    readonly language: string | null,
    readonly contentHash: string,
    readonly media: StoredMedia[],
  ) {}

  get text(): string {
    return this.bytes.toString('utf8', this.textStart, this.textEnd);
  }

  get contentJson(): string {
    return this.bytes.toString('utf8', this.textEnd, this.contentEnd);
  }

  get rawJson(): string {
    return this.bytes.toString('utf8', this.contentEnd, this.rawEnd);
  }
}
