import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { excerptOf, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import { InvalidRecordError } from '../twarc2/twarc2.fields.js';
import { readArchiveData } from './x-archive.data-file.js';
import { TWEET_DATA_TYPES } from './x-archive.element.js';
import type { MediaFiles } from './x-archive.media-files.js';
import { mediaFolderName } from './x-archive.media-files.js';
import { ARCHIVE_OWNER_UNKNOWN, ownerFromAccount, ownerFromManifest, type ArchiveOwner } from './x-archive.owner.js';
import { parseArchivePrefix, PREFIX_HEAD_BYTES } from './x-archive.prefix.js';
import { notArchiveFile } from './x-archive.reader.js';
import { bytesFrom, firstBytes, openZipArchive, type ZipArchive } from './x-archive.zip-file.js';

/**
 * The X "Your archive" export as the .zip X delivers (`twitter-2024-01-31-<hash>.zip`), read
 * without unpacking: manifest.js (owner, generation date), the tweet data files (tweets.js and
 * its parts, tweet.js, deleted-tweets.js, community-tweet.js) and their media folders. The
 * archive may sit at the zip's root or in one folder inside it. Records are located at
 * `<zip>#<entry>` with the entry's line and byte offset.
 */
export const xArchiveZipSource: Source = {
  format: 'x-archive-zip',
  detect: detectXArchiveZip,
  // Asked by detectSource before it refuses binary files; latin1 keeps every byte as one character.
  detectBinary: (file, head) => detectXArchiveZip(file, head.toString('latin1')),
  read: readXArchiveZip,
};

const ZIP_MAGIC = 'PK\u0003\u0004';
const DATA_FILE = /^(.*?)data\/(manifest|account|tweets?|deleted-tweets|community-tweet)(?:-part\d+)?\.js$/;
const TWEET_FILE = /^(?:tweets?|deleted-tweets|community-tweet)(?:-part\d+)?\.js$/;
const X_ARCHIVE_NAME = /^twitter-\d{4}-\d{2}-\d{2}-[0-9a-f]+\.zip$/i;

/**
 * A zip is an X archive when an archive entry name shows in its first bytes (zip local headers
 * hold the names in clear text; small files such as manifest.js usually come early) or when it
 * carries X's own archive file name. Works on the head as bytes decoded to text either way
 * (latin1, or UTF-8 with replacement characters): the markers are ASCII.
 */
export function detectXArchiveZip(file: string, head: string): boolean {
  if (!head.startsWith(ZIP_MAGIC)) return false;
  return /(?:^|[^\w-])data\/(?:manifest|tweets?|account|deleted-tweets)(?:-part\d+)?\.js/.test(head) || head.includes('Your archive.html') || X_ARCHIVE_NAME.test(basename(file));
}

async function* readXArchiveZip(file: string): AsyncGenerator<SourceRecord> {
  const whole = { file, line: null, offset: null };
  let zip: ZipArchive;
  try {
    zip = await openZipArchive(file);
  } catch (error) {
    yield problem(whole, `cannot be read as a zip archive (${messageOf(error)})`, '');
    return;
  }
  try {
    const root = archiveRoot(zip.names);
    if (root === null) {
      yield problem(whole, 'the zip holds no data/manifest.js, data/account.js or data/tweets.js: not an X archive', zip.names.slice(0, 20).join('\n'));
      return;
    }
    const owner: { value: ArchiveOwner | null } = { value: null };
    yield* readOwner(zip, root, file, owner);
    const settings = {
      owner: owner.value?.actor ?? ARCHIVE_OWNER_UNKNOWN,
      deletionsDetectedAt: owner.value?.generatedAt ?? (await stat(file)).mtime,
    };
    const dataDir = `${root}data/`;
    const names = zip.names.filter((name) => name.startsWith(dataDir) && TWEET_FILE.test(name.slice(dataDir.length)));
    for (const name of [...names].sort()) {
      yield* readEntry(zip, name, `${file}#${name}`, dataDir, settings);
    }
  } finally {
    zip.close();
  }
}

async function* readEntry(
  zip: ZipArchive,
  name: string,
  label: string,
  dataDir: string,
  settings: { owner: ArchiveOwner['actor']; deletionsDetectedAt: Date },
): AsyncGenerator<SourceRecord> {
  const location = { file: label, line: 1, offset: 0 };
  try {
    const head = await firstBytes(await zip.stream(name), PREFIX_HEAD_BYTES);
    const prefix = parseArchivePrefix(head);
    if (prefix === null) {
      yield notArchiveFile(head, location);
      return;
    }
    if (prefix.kind !== 'data' || !TWEET_DATA_TYPES.has(prefix.dataType)) return;
    const media = zipMediaFiles(zip, `${dataDir}${mediaFolderName(prefix.dataType)}/`);
    const openBody = async function* (): AsyncGenerator<Buffer> {
      yield* bytesFrom(await zip.stream(name), prefix.bodyOffset);
    };
    yield* readArchiveData({ label, prefix, openBody }, { ...settings, media });
  } catch (error) {
    // A damaged entry (bad deflate data, wrong size): what was read stands, the rest is reported.
    yield problem(location, `zip entry ${name} cannot be read to its end (${messageOf(error)}); records before the damage were kept`, '');
  }
}

/** The folder the archive sits in inside the zip ("" at the root); manifest.js preferred. */
function archiveRoot(names: readonly string[]): string | null {
  let best: { root: string; manifest: boolean } | null = null;
  for (const name of names) {
    const match = DATA_FILE.exec(name);
    if (match === null) continue;
    const candidate = { root: match[1] ?? '', manifest: match[2] === 'manifest' };
    const better = best === null || (candidate.manifest && !best.manifest) || (candidate.manifest === best.manifest && candidate.root.length < best.root.length);
    if (better) best = candidate;
  }
  return best?.root ?? null;
}

async function* readOwner(zip: ZipArchive, root: string, file: string, owner: { value: ArchiveOwner | null }): AsyncGenerator<SourceRecord> {
  for (const [name, parse] of [['manifest.js', ownerFromManifest], ['account.js', ownerFromAccount]] as const) {
    const entry = `${root}data/${name}`;
    if (!zip.has(entry)) continue;
    const location = { file: `${file}#${entry}`, line: 1, offset: 0 };
    let bytes: Buffer;
    try {
      bytes = await zip.read(entry);
    } catch (error) {
      yield problem(location, `zip entry ${entry} cannot be read (${messageOf(error)})`, '');
      continue;
    }
    try {
      owner.value = parse(bytes);
      return;
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      yield problem(location, `${error.message}; the archive owner cannot be read from it`, bytes.subarray(0, 600).toString('utf8'));
    }
  }
}

function zipMediaFiles(zip: ZipArchive, folder: string): MediaFiles {
  return { read: async (name) => (zip.has(folder + name) ? zip.read(folder + name) : null) };
}

function problem(location: RecordLocation, reason: string, excerpt: string): SourceRecord {
  return { kind: 'quarantine', location, reason, excerpt: excerptOf(excerpt) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
