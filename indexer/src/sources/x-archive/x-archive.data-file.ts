import type { NormalisedActor } from '@bewaard/schema';
import { quarantine, type SourceRecord } from '../source.js';
import { EditChains } from '../twarc2/twarc2.edit-chains.js';
import { scanJsonValues } from '../twitter-v1/json-value-scanner.js';
import { parseScanEvent } from '../twitter-v1/scanned-json.js';
import { collectEditChainsFromChunks } from '../twitter-v1/twitter-v1.edit-info.js';
import { recordsOfElement } from './x-archive.element.js';
import { attachArchiveMedia, type MediaFiles } from './x-archive.media-files.js';
import type { ArchivePrefix } from './x-archive.prefix.js';

/**
 * Reads one archive data file (tweets.js, deleted-tweets.js, …) from wherever its bytes come from:
 * a file on disk, a zip entry, or memory. The list is split into elements without parsing the
 * whole file, so a broken element is quarantined with its line and byte offset and the others are
 * read, and a large tweets.js is never held in memory at once.
 */
export interface ArchiveDataInput {
  /** Becomes RecordLocation.file: the path, or `<zip>#<entry>` for a zip entry. */
  label: string;
  prefix: Extract<ArchivePrefix, { kind: 'data' }>;
  /** The bytes after the prefix; called twice (edit-chain pre-pass, then the read). */
  openBody(): AsyncIterable<Buffer> | Iterable<Buffer>;
}

export interface ArchiveReadSettings {
  owner: NormalisedActor;
  /** For deletions; null when nothing better than the deletion time itself is known. */
  deletionsDetectedAt: Date | null;
  /** null when the payload was read without the export around it. */
  media: MediaFiles | null;
}

export async function* readArchiveData(input: ArchiveDataInput, settings: ArchiveReadSettings): AsyncGenerator<SourceRecord> {
  const { prefix, label } = input;
  const scanOptions = { startOffset: prefix.bodyOffset, startLine: prefix.bodyLine };

  // Pre-pass: edit chains anywhere in the file, so that a reply to a later version of an edited
  // tweet (self-threads) points at the chain's first id even when the chain comes further down.
  const chains = new EditChains();
  await collectEditChainsFromChunks(input.openBody(), chains);

  const context = { dataType: prefix.dataType, owner: settings.owner, deletionsDetectedAt: settings.deletionsDetectedAt, chains };
  for await (const event of scanJsonValues(input.openBody(), scanOptions)) {
    const parsed = parseScanEvent(event, label);
    if (!parsed.ok) {
      yield parsed.record;
      continue;
    }
    if (event.kind !== 'value' || event.index === null) {
      const reason = `after its prefix the file holds a JSON ${Array.isArray(parsed.value) ? 'array' : typeof parsed.value} that is not the list an archive data file holds`;
      yield { ...quarantine(reason, parsed.text), location: parsed.location };
      continue;
    }
    const where = `${prefix.dataType}[${event.index}]`;
    const { records, tweetId } = recordsOfElement(parsed.value, where, context);
    for (const body of records) {
      if (body.kind === 'item' && tweetId !== null) {
        yield { kind: 'item', item: await attachArchiveMedia(body.item, tweetId, settings.media), location: parsed.location };
      } else {
        yield { ...body, location: parsed.location };
      }
    }
  }
}
