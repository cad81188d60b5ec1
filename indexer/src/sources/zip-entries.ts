import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * Reading export archives that arrive as zip files (X "Your archive", Mastodon account archive,
 * WACZ). Entries are read one at a time, so a multi-GB archive never sits in memory.
 */

export interface ZipEntryInfo {
  name: string;
  size: number;
  compressedSize: number;
}

function openZip(file: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err ?? new Error(`${file}: cannot open zip`)) : resolve(zip),
    ),
  );
}

function entriesOf(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error(`cannot read ${entry.fileName}`));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('error', reject);
    }),
  );
}

const isFileEntry = (e: Entry) => !e.fileName.endsWith('/');

/** The file entries of a zip, in archive order. */
export async function listZipEntries(file: string): Promise<ZipEntryInfo[]> {
  const zip = await openZip(file);
  try {
    return (await entriesOf(zip)).filter(isFileEntry).map((e) => ({ name: e.fileName, size: e.uncompressedSize, compressedSize: e.compressedSize }));
  } finally {
    zip.close();
  }
}

/**
 * Yields the entries whose name `wanted` accepts, with their bytes, one at a time.
 * A damaged entry throws an Error naming the archive and the entry.
 */
export async function* readZipEntries(file: string, wanted: (name: string) => boolean): AsyncGenerator<{ name: string; bytes: Buffer }> {
  const zip = await openZip(file);
  try {
    for (const entry of (await entriesOf(zip)).filter(isFileEntry)) {
      if (!wanted(entry.fileName)) continue;
      let bytes: Buffer;
      try {
        bytes = await readEntry(zip, entry);
      } catch (err) {
        throw new Error(`${file}: entry ${entry.fileName} cannot be read: ${(err as Error).message}`);
      }
      yield { name: entry.fileName, bytes };
    }
  } finally {
    zip.close();
  }
}

/** One entry's bytes, or null when the archive has no such entry. */
export async function readZipEntry(file: string, name: string): Promise<Buffer | null> {
  for await (const e of readZipEntries(file, (n) => n === name)) return e.bytes;
  return null;
}
