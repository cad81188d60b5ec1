import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Random access to the entries of a zip (one open, any entry any number of times, each as a
 * stream). zip-entries.ts reads entries in archive order only; an X archive needs the manifest
 * first, tweets.js twice (edit-chain pre-pass) and media files on demand while reading tweets.
 */
export interface ZipArchive {
  /** File entries (not folders), in archive order. */
  readonly names: readonly string[];
  has(name: string): boolean;
  stream(name: string): Promise<Readable>;
  read(name: string): Promise<Buffer>;
  close(): void;
}

export async function openZipArchive(file: string): Promise<ZipArchive> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (error, opened) =>
      error || !opened ? reject(error ?? new Error(`${file}: cannot open zip`)) : resolve(opened),
    ),
  );
  const entries = new Map<string, Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (!entry.fileName.endsWith('/') && !entries.has(entry.fileName)) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }

  const stream = (name: string): Promise<Readable> => {
    const entry = entries.get(name);
    if (entry === undefined) return Promise.reject(new Error(`no entry ${name}`));
    return new Promise((resolve, reject) =>
      zip.openReadStream(entry, (error, readable) => (error || !readable ? reject(error ?? new Error(`cannot read ${name}`)) : resolve(readable))),
    );
  };
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    stream,
    read: async (name) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await stream(name)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    close: () => zip.close(),
  };
}

/** The bytes of a stream from `start` on (for skipping an archive file's JS prefix). */
export async function* bytesFrom(stream: AsyncIterable<Buffer>, start: number): AsyncGenerator<Buffer> {
  let skip = start;
  for await (const chunk of stream) {
    if (skip >= chunk.length) {
      skip -= chunk.length;
      continue;
    }
    yield skip > 0 ? chunk.subarray(skip) : chunk;
    skip = 0;
  }
}

/** The first `count` bytes of a stream (fewer when it is shorter); the stream is then dropped. */
export async function firstBytes(stream: Readable, count: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
    total += (chunk as Buffer).length;
    if (total >= count) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, count);
}
