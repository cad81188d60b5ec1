import type { NormalisedItem } from '@bewaard/schema';
import { describeKeys, isJsonObject, safeStringify, type JsonObject } from '../json.js';
import { describe, InvalidRecordError } from '../meta/json-fields.js';
import { readJsonUnits } from '../meta/json-input.js';
import { excerptOf, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import { dateOf, normaliseComment, normaliseVideo, TIKTOK_FORMAT } from './tiktok.normaliser.js';
import { detectTiktok, exportOwnerHandle, findComments, findPostedVideos, isTiktokExport, type FoundSection } from './tiktok.sections.js';

/**
 * TikTok "Download your data" JSON (`user_data.json` / `user_data_tiktok.json`): the videos the
 * account posted and the comments it wrote. A list that is null or absent (an account that never
 * commented) yields nothing and is no error. The export exists only as a file: no readContent.
 *
 * Author: everything read here is by the account that requested the export; its user id is not in
 * the export, so the author is `tiktok-export-owner`, with the username from the profile section
 * as handle when present.
 */
export const tiktokExportSource: Source = {
  format: TIKTOK_FORMAT,
  detect: (_file, head) => detectTiktok(head),
  read: readTiktokFile,
};

async function* readTiktokFile(file: string): AsyncGenerator<SourceRecord> {
  for (const unit of await readJsonUnits(file, false)) {
    const location = unit.location;
    if (unit.kind === 'bad') {
      yield { kind: 'quarantine', reason: unit.reason, excerpt: unit.excerpt, location };
      continue;
    }
    if (!isTiktokExport(unit.value)) {
      const seen = isJsonObject(unit.value) ? `JSON object with keys ${describeKeys(unit.value)}` : 'JSON value';
      yield { kind: 'quarantine', reason: `${seen} is not a TikTok data export`, excerpt: excerptOf(safeStringify(unit.value)), location };
      continue;
    }
    const root = unit.value;
    const owner = exportOwnerHandle(root);
    yield* entriesOf(findPostedVideos(root), location, (entry, where, raw) => normaliseVideo(entry, owner, where, raw));

    const seen = new Map<string, number>(); // synthetic comment ids handed out in this file
    yield* entriesOf(findComments(root), location, (entry, where, raw) => {
      const base = `export-comment:${dateOf(entry, where).toISOString().replace('.000Z', 'Z')}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      return normaliseComment(entry, count === 1 ? base : `${base}#${count}`, owner, where, raw);
    });
  }
}

function* entriesOf(
  section: FoundSection | null,
  location: RecordLocation,
  normalise: (entry: JsonObject, where: string, rawBody: string) => NormalisedItem,
): Generator<SourceRecord> {
  if (section === null || section.value === null || section.value === undefined) return;
  if (!Array.isArray(section.value)) {
    yield { kind: 'quarantine', reason: `${section.path} is ${describe(section.value)}, not a list`, excerpt: excerptOf(safeStringify(section.value)), location };
    return;
  }
  for (const [index, entry] of section.value.entries()) {
    const where = `${section.path}[${index}]`;
    const problem = (reason: string): SourceRecord => ({ kind: 'quarantine', reason, excerpt: excerptOf(safeStringify(entry)), location });
    if (!isJsonObject(entry)) {
      yield problem(`${where} is not a JSON object`);
      continue;
    }
    try {
      // The section path says where the entry came from; the entry is kept as exported.
      yield { kind: 'item', item: normalise(entry, where, JSON.stringify({ section: section.path, entry })), location };
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
      yield problem(error.message);
    }
  }
}
