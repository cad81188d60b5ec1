import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RecordLocation, Source, SourceRecord } from '../source.js';
import { activityMedia, activityRecord, outboxActivities, outboxThreads, parseActor } from './mastodon-archive.outbox.js';
import { baseName, contentInput, fileInput, type InputText } from './payload-reader.js';

export const MASTODON_ARCHIVE_FORMAT = 'mastodon-archive';

/** An ActivityStreams collection: Mastodon writes `@context` first and `orderedItems` after a few small keys. */
export function looksLikeOutbox(head: string): boolean {
  return head.includes('"@context"') && head.includes('"orderedItems"');
}

/**
 * A Mastodon account archive ("Request your archive"), unpacked: outbox.json with actor.json
 * and the media_attachments folder beside it. Only outbox.json is read as an input; it reads
 * its companions itself (so importing the unpacked folder also meets actor.json, likes.json,
 * bookmarks.json and the media files, which no source claims: see the report to the lead).
 *
 * readContent takes a live ActivityPub outbox page (same activities, media as URLs): there is
 * no folder beside a response body.
 */
export const mastodonArchiveSource: Source = {
  format: MASTODON_ARCHIVE_FORMAT,
  detect: (file, head) => baseName(file) === 'outbox.json' && looksLikeOutbox(head),
  read: readArchiveFolder,
  readContent: (label, content) => readOutbox(contentInput(label, content), null, null),
};

async function* readArchiveFolder(file: string): AsyncGenerator<SourceRecord> {
  const dir = dirname(file);
  const actorFile = join(dir, 'actor.json');
  const actorText = await readFile(actorFile, 'utf8').catch(() => null);
  yield* readOutbox(fileInput(file), { file: actorFile, text: actorText }, async (path) => {
    try {
      return await readFile(join(dir, path));
    } catch {
      return null;
    }
  });
}

async function* readOutbox(
  input: InputText,
  actorInput: { file: string; text: string | null } | null,
  bytesOf: ((path: string) => Promise<Uint8Array | null>) | null,
): AsyncGenerator<SourceRecord> {
  const location: RecordLocation = { file: input.name, line: null, offset: null };
  const whole = await input.whole();
  if ('problem' in whole) {
    yield { kind: 'quarantine', location, reason: whole.problem, excerpt: '' };
    return;
  }
  const outbox = outboxActivities(whole.text, input.name);
  if ('problem' in outbox) {
    yield { ...outbox.problem, location };
    return;
  }
  const { actor, problem } = parseActor(actorInput?.text ?? null, actorInput?.file ?? '');
  if (problem !== null && actorInput !== null) yield { ...problem, location: { file: actorInput.file, line: null, offset: null } };

  const threads = outboxThreads(outbox.activities);
  const noFiles = (): Promise<null> => Promise.resolve(null);
  for (const [index, activity] of outbox.activities.entries()) {
    const media = await activityMedia(activity, bytesOf ?? noFiles);
    yield { ...activityRecord(activity, index, actor, media, MASTODON_ARCHIVE_FORMAT, threads), location };
  }
}
