import { createHash, getHashes } from 'node:crypto';
import { isJsonObject } from '../json.js';
import { excerptOf, type RecordLocation, type SourceRecord } from '../source.js';
import { twarc2Source } from '../twarc2/twarc2.reader.js';
import { HashingTap, openZipArchive, type ZipArchive } from './wacz-zip.js';
import { readWarcStream } from './warc-reader.js';
import type { BinaryDetectingSource, SourceList } from './warc.source.js';

/**
 * WACZ (Web Archive Collection Zipped, https://specs.webrecorder.net/wacz/1.1.1/): a zip holding
 * WARCs under `archive/`, CDX indexes, a page list and `datapackage.json`, which lists every file
 * with its size and hash. The WARCs are read like any WARC; each one's hash is checked against
 * datapackage.json while it streams, and datapackage.json against datapackage-digest.json.
 *
 * Limitations: the signature in datapackage-digest.json (signedData) is not verified; indexes and
 * pages are not read (the WARCs hold the content) nor hash-checked; a WARC under archive/ that
 * datapackage.json does not list is read without a check.
 */
export function createWaczSource(sources: SourceList): BinaryDetectingSource {
  return {
    format: 'wacz',
    // A zip is never text, so only the byte-level detection can accept one.
    detect: () => false,
    detectBinary: isWaczHead,
    read: (file) => readWacz(file, sources),
  };
}

export const waczSource: BinaryDetectingSource = createWaczSource(() => [twarc2Source]);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const WACZ_ENTRY = /^(archive|indexes|pages)\/|^datapackage(-digest)?\.json$/;
const WARC_ENTRY = /^archive\/.+\.warc(\.gz)?$/i;
const MAX_DATAPACKAGE_BYTES = 16 * 1024 * 1024;

/** A zip named .wacz, or whose first entry is a WACZ path (X and Mastodon archives are zips too). */
export function isWaczHead(file: string, head: Buffer): boolean {
  if (!ZIP_MAGIC.every((byte, index) => head[index] === byte)) return false;
  if (/\.wacz$/i.test(file)) return true;
  if (head.length < 30) return false;
  const nameLength = head.readUInt16LE(26);
  return WACZ_ENTRY.test(head.toString('utf8', 30, 30 + nameLength));
}

interface Resource {
  path: string;
  hash: string | null;
}

async function* readWacz(file: string, sources: SourceList): AsyncGenerator<SourceRecord> {
  const at = (entry: string | null): RecordLocation => ({
    file: entry === null ? file : `${file}!/${entry}`,
    line: null,
    offset: null,
  });
  const problem = (entry: string | null, reason: string, excerpt = ''): SourceRecord => ({
    kind: 'quarantine',
    location: at(entry),
    reason,
    excerpt: excerptOf(excerpt),
  });

  let zip: ZipArchive;
  try {
    zip = await openZipArchive(file);
  } catch (error) {
    yield problem(
      null,
      `the WACZ is not a readable zip archive (${error instanceof Error ? error.message : String(error)})`,
    );
    return;
  }
  try {
    const packaged = await readDatapackage(zip);
    if (typeof packaged === 'string') yield problem('datapackage.json', packaged);
    const resources = typeof packaged === 'string' ? new Map<string, Resource>() : packaged;
    for (const [path] of resources) {
      if (WARC_ENTRY.test(path) && !zip.entries.has(path))
        yield problem(path, `${path} is listed in datapackage.json but missing from the WACZ`);
    }

    for (const [name, entry] of zip.entries) {
      if (!WARC_ENTRY.test(name)) continue;
      const expected = resources.get(name)?.hash ?? null;
      const [algorithm, digest] = splitHash(expected);
      const tap = new HashingTap(await zip.stream(entry), algorithm ?? 'sha256');
      yield* readWarcStream(tap, `${file}!/${name}`, sources);
      const actual = await tap.digest();
      if (algorithm === null && expected !== null)
        yield problem(
          name,
          `${name} has hash "${expected}" in datapackage.json, in an algorithm that cannot be checked`,
        );
      else if (digest !== null && actual !== digest)
        yield problem(
          name,
          `${name} does not match its hash in datapackage.json (expected ${expected ?? ''}, found ${algorithm ?? ''}:${actual}): ` +
            'it was changed or damaged after packaging; its records were read but are not the ones the WACZ was made with',
        );
    }
  } finally {
    zip.close();
  }
}

/** Resources by path, or a sentence saying what is wrong with datapackage.json. */
async function readDatapackage(zip: ZipArchive): Promise<Map<string, Resource> | string> {
  const entry = zip.entries.get('datapackage.json');
  if (entry === undefined)
    return 'the WACZ has no datapackage.json, so its files cannot be checked; its WARCs are read anyway';
  const bytes = await zip.readSmall(entry, MAX_DATAPACKAGE_BYTES);
  if (bytes === null)
    return `datapackage.json is larger than ${MAX_DATAPACKAGE_BYTES / 1024 / 1024} MiB; not read, so the WARCs are read unchecked`;

  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return `datapackage.json is not valid JSON (${error instanceof Error ? error.message : String(error)}); the WARCs are read unchecked`;
  }
  if (!isJsonObject(parsed) || !Array.isArray(parsed.resources))
    return 'datapackage.json has no "resources" list; the WARCs are read unchecked';

  const digestProblem = await checkDatapackageDigest(zip, bytes);
  if (digestProblem !== null) return digestProblem;
  const resources = new Map<string, Resource>();
  for (const resource of parsed.resources) {
    if (!isJsonObject(resource) || typeof resource.path !== 'string') continue;
    resources.set(resource.path, {
      path: resource.path,
      hash: typeof resource.hash === 'string' ? resource.hash : null,
    });
  }
  return resources;
}

/** datapackage-digest.json holds the hash of datapackage.json (and a signature, not checked). */
async function checkDatapackageDigest(zip: ZipArchive, datapackage: Buffer): Promise<string | null> {
  const entry = zip.entries.get('datapackage-digest.json');
  if (entry === undefined) return null;
  const bytes = await zip.readSmall(entry, MAX_DATAPACKAGE_BYTES);
  let expected: unknown;
  try {
    expected = bytes === null ? null : (JSON.parse(bytes.toString('utf8')) as unknown);
  } catch {
    return 'datapackage-digest.json is not valid JSON, so datapackage.json cannot be checked; the WARCs are read unchecked';
  }
  const hash = isJsonObject(expected) && typeof expected.hash === 'string' ? expected.hash : null;
  const [algorithm, digest] = splitHash(hash);
  if (algorithm === null || digest === null) return null;
  const actual = createHash(algorithm).update(datapackage).digest('hex');
  return actual === digest
    ? null
    : `datapackage.json does not match its hash in datapackage-digest.json (expected ${hash ?? ''}, found ${algorithm}:${actual}): the file list was changed after packaging; the WARCs are read unchecked`;
}

/** "sha256:abc…" → ["sha256", "abc…"]; algorithm null when node cannot compute it. */
function splitHash(hash: string | null): [string | null, string | null] {
  const match = /^([a-z0-9-]+):([0-9a-f]+)$/i.exec(hash ?? '');
  if (match === null) return [null, null];
  const algorithm = (match[1] ?? '').toLowerCase();
  return getHashes().includes(algorithm) ? [algorithm, (match[2] ?? '').toLowerCase()] : [null, null];
}
