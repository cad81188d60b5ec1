import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isJsonObject } from '../json.js';
import { quarantine, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import { listZipEntries, readZipEntries, readZipEntry } from '../zip-entries.js';
import { attachmentsOf, referenceOf } from './mastodon-archive.activity.js';
import {
  activityMedia,
  activityRecord,
  archiveMediaPath,
  outboxActivities,
  outboxThreads,
  parseActor,
} from './mastodon-archive.outbox.js';
import { optionalString } from './mastodon.fields.js';
import { baseName } from './payload-reader.js';

export const MASTODON_ARCHIVE_ZIP_FORMAT = 'mastodon-archive-zip';

/**
 * The same account archive, still zipped. Detection: a zip (local-file-header magic) that names
 * an outbox.json, either in the first 64 KiB or in its central directory at the end (Mastodon
 * writes the media first, so in a real archive the name is usually only there).
 */
export const mastodonArchiveZipSource: Source = {
  format: MASTODON_ARCHIVE_ZIP_FORMAT,
  detect: (file, head) => head.startsWith('PK\u0003\u0004') && namesOutbox(file, head),
  // detectSource refuses binary files before `detect` sees them; this is asked first.
  detectBinary: (file, head) => ZIP_MAGIC.equals(head.subarray(0, 4)) && namesOutbox(file, head),
  read: readArchiveZip,
};

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function namesOutbox(file: string, head: string | Buffer): boolean {
  return head.includes('outbox.json') || tailMentions(file, 'outbox.json');
}

/** The central directory sits at the end; 16 MiB of it lists well over 100 000 entries. */
const TAIL_BYTES = 16 * 1024 * 1024;

function tailMentions(file: string, name: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    return tail.includes(name);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

async function* readArchiveZip(file: string): AsyncGenerator<SourceRecord> {
  try {
    yield* readZippedOutbox(file);
  } catch (error) {
    // A damaged archive is bad input like any other: said, not thrown.
    const detail = error instanceof Error ? error.message : String(error);
    yield { ...quarantine(`${file} cannot be read as a zip archive (${detail}); records after this point are missing`, ''), location: { file, line: null, offset: null } };
  }
}

async function* readZippedOutbox(file: string): AsyncGenerator<SourceRecord> {
  const names = (await listZipEntries(file)).map((entry) => entry.name);
  const present = new Set(names);
  // The shallowest outbox.json: a re-zipped folder puts everything under one directory.
  const outboxName = names.filter((name) => baseName(name) === 'outbox.json').sort((a, b) => a.length - b.length)[0];
  if (outboxName === undefined) {
    yield { ...quarantine('the zip holds no outbox.json: not a Mastodon account archive', names.slice(0, 20).join('\n')), location: { file, line: null, offset: null } };
    return;
  }
  const prefix = outboxName.slice(0, outboxName.length - 'outbox.json'.length);
  const location: RecordLocation = { file: `${file}#${outboxName}`, line: null, offset: null };
  const decoded = decode(await readZipEntry(file, outboxName));
  if ('problem' in decoded) {
    yield { ...quarantine(`${outboxName} ${decoded.problem}`, ''), location };
    return;
  }
  const outbox = outboxActivities(decoded.text, outboxName);
  if ('problem' in outbox) {
    yield { ...outbox.problem, location };
    return;
  }
  const actorBytes = await readZipEntry(file, `${prefix}actor.json`);
  const actorText = actorBytes === null ? null : Buffer.from(actorBytes).toString('utf8');
  const { actor, problem } = parseActor(actorText, `${prefix}actor.json`);
  if (problem !== null) yield { ...problem, location: { file: `${file}#${prefix}actor.json`, line: null, offset: null } };

  const threads = outboxThreads(outbox.activities);
  const emit = async (index: number, bytes: Map<string, Buffer>): Promise<SourceRecord> => {
    const activity = outbox.activities[index];
    const media = await activityMedia(activity, (path) => Promise.resolve(bytes.get(prefix + path) ?? null));
    return { ...activityRecord(activity, index, actor, media, MASTODON_ARCHIVE_ZIP_FORMAT, threads), location };
  };

  // Entries are read once, in archive order; an activity is emitted as soon as all its files are
  // in hand and the bytes are dropped when no waiting activity needs them, so memory holds only
  // the media of activities still waiting, never the whole archive.
  const waiting = new Map<number, string[]>();
  const neededBy = new Map<string, Set<number>>();
  const none = new Map<string, Buffer>();
  for (const [index, activity] of outbox.activities.entries()) {
    const paths = mediaEntryNames(activity, prefix).filter((name) => present.has(name));
    if (paths.length === 0) {
      yield await emit(index, none);
      continue;
    }
    waiting.set(index, paths);
    for (const name of paths) neededBy.set(name, (neededBy.get(name) ?? new Set()).add(index));
  }
  const held = new Map<string, Buffer>();
  for await (const entry of readZipEntries(file, (name) => neededBy.has(name))) {
    held.set(entry.name, entry.bytes);
    for (const index of [...(neededBy.get(entry.name) ?? [])]) {
      const paths = waiting.get(index);
      if (paths === undefined || !paths.every((name) => held.has(name))) continue;
      yield await emit(index, held);
      waiting.delete(index);
      for (const name of paths) {
        neededBy.get(name)?.delete(index);
        if (neededBy.get(name)?.size === 0) held.delete(name);
      }
    }
  }
  for (const index of waiting.keys()) yield await emit(index, held);
}

function mediaEntryNames(activity: unknown, prefix: string): string[] {
  if (!isJsonObject(activity)) return [];
  return attachmentsOf(activity).flatMap((attachment) => {
    const path = archiveMediaPath(optionalString(attachment, 'url') ?? referenceOf(attachment.url));
    return path === null ? [] : [prefix + path];
  });
}

function decode(bytes: Buffer | null): { text: string } | { problem: string } {
  if (bytes === null) return { problem: 'vanished from the archive while it was read' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { problem: 'is not valid UTF-8 text' };
  }
}
