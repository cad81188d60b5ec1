import { createHash, type Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Streaming access to the entries of a WACZ (a zip). zip-entries.ts reads whole entries into
 * memory, fine for JSON exports but not for the multi-GB WARCs a WACZ holds, so entries are opened
 * as streams here. The central directory is read once; entries are then read in any order.
 */
export interface ZipArchive {
  /** File entries (no directories) by name. */
  entries: Map<string, Entry>;
  stream(entry: Entry): Promise<Readable>;
  /** A small entry's bytes; null when it is larger than `maxBytes`. */
  readSmall(entry: Entry, maxBytes: number): Promise<Buffer | null>;
  close(): void;
}

export async function openZipArchive(file: string): Promise<ZipArchive> {
  const zip = await yauzl.openPromise(file, {
    lazyEntries: true,
    autoClose: false,
    strictFileNames: false,
    validateEntrySizes: true,
  });
  try {
    const entries = await listEntries(zip);
    return {
      entries,
      stream: (entry) => zip.openReadStreamPromise(entry),
      readSmall: async (entry, maxBytes) => {
        if (entry.uncompressedSize > maxBytes) return null;
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks);
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * Passes a stream's chunks on while hashing them. drain() reads what the consumer left unread
 * (a WARC reader stops at a damaged record), so the digest always covers the whole entry.
 */
export class HashingTap implements AsyncIterable<Uint8Array> {
  private readonly hash: Hash;
  private readonly source: AsyncIterator<Uint8Array>;
  bytes = 0;

  constructor(stream: Readable, algorithm: string) {
    this.hash = createHash(algorithm);
    this.source = (stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (let next = await this.pull(); next !== null; next = await this.pull()) yield next;
  }

  /** Reads the rest and returns the hex digest. */
  async digest(): Promise<string> {
    while ((await this.pull()) !== null);
    return this.hash.digest('hex');
  }

  private async pull(): Promise<Uint8Array | null> {
    const result = await this.source.next();
    if (result.done === true) return null;
    this.hash.update(result.value);
    this.bytes += result.value.length;
    return result.value;
  }
}
