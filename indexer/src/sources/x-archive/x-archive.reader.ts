import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { excerptOf, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import { InvalidRecordError } from '../twarc2/twarc2.fields.js';
import { readArchiveData } from './x-archive.data-file.js';
import { ARCHIVE_FORMAT, TWEET_DATA_TYPES } from './x-archive.element.js';
import { folderMediaFiles, mediaFolderName } from './x-archive.media-files.js';
import { ARCHIVE_OWNER_UNKNOWN, ownerBeside, ownerFromManifest } from './x-archive.owner.js';
import { describeStart, EXPECTED_PREFIX, isArchivePrefixText, parseArchivePrefix, PREFIX_HEAD_BYTES } from './x-archive.prefix.js';

/**
 * One file of an unpacked X "Your archive" export (the pipeline lists the folder and hands over
 * each file). Detection accepts every `data/*.js` file (`window.YTD.…` or `window.__THAR_CONFIG`);
 * only the tweet types (see TWEET_DATA_TYPES) yield records, manifest.js is only checked, and
 * the other types yield nothing. Media files, `Your archive.html` and the viewer's own
 * `assets/js/*.js` are not detected.
 */
export const xArchiveSource: Source = {
  format: ARCHIVE_FORMAT,
  detect: (_file, head) => isArchivePrefixText(head),
  read: readArchiveFile,
  readContent: readArchiveContent,
};

async function* readArchiveFile(file: string): AsyncGenerator<SourceRecord> {
  const head = await readStart(file);
  const location = { file, line: 1, offset: 0 };
  const prefix = parseArchivePrefix(head);
  if (prefix === null) {
    yield notArchiveFile(head, location);
    return;
  }
  if (prefix.kind === 'manifest') {
    yield* checkManifest(await readFile(file), location);
    return;
  }
  if (!TWEET_DATA_TYPES.has(prefix.dataType)) return;

  const dir = dirname(file);
  const owner = await ownerBeside(dir);
  yield* readArchiveData(
    { label: file, prefix, openBody: () => createReadStream(file, { start: prefix.bodyOffset }) as AsyncIterable<Buffer> },
    {
      owner: owner?.actor ?? ARCHIVE_OWNER_UNKNOWN,
      // Re-imports must give the same time: the archive's own date, else the file's mtime.
      deletionsDetectedAt: owner?.generatedAt ?? (await stat(file)).mtime,
      media: await folderMediaFiles(join(dir, mediaFolderName(prefix.dataType))),
    },
  );
}

/** An archive data file held in memory: no manifest, no media folder beside it. */
async function* readArchiveContent(label: string, content: string): AsyncGenerator<SourceRecord> {
  const bytes = Buffer.from(content, 'utf8');
  const location = { file: label, line: 1, offset: 0 };
  const prefix = parseArchivePrefix(bytes.subarray(0, PREFIX_HEAD_BYTES));
  if (prefix === null) {
    yield notArchiveFile(bytes, location);
    return;
  }
  if (prefix.kind === 'manifest') {
    yield* checkManifest(bytes, location);
    return;
  }
  if (!TWEET_DATA_TYPES.has(prefix.dataType)) return;
  yield* readArchiveData(
    { label, prefix, openBody: () => [bytes.subarray(prefix.bodyOffset)] },
    { owner: ARCHIVE_OWNER_UNKNOWN, deletionsDetectedAt: null, media: null },
  );
}

export function notArchiveFile(head: Buffer, location: RecordLocation): SourceRecord {
  const reason = `not an X archive data file: it does not start with ${EXPECTED_PREFIX} (it starts with ${describeStart(head)})`;
  return { kind: 'quarantine', location, reason, excerpt: excerptOf(head.subarray(0, 600).toString('utf8')) };
}

/** manifest.js holds no posts; it is read for the owner, so a broken one is reported here. */
export function* checkManifest(bytes: Buffer, location: RecordLocation): Generator<SourceRecord> {
  try {
    ownerFromManifest(bytes);
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    yield { kind: 'quarantine', location, reason: `${error.message}; the archive owner cannot be read from it`, excerpt: excerptOf(bytes.subarray(0, 600).toString('utf8')) };
  }
}

async function readStart(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(PREFIX_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PREFIX_HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
