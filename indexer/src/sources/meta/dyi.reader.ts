import { describeKeys, isJsonObject, safeStringify } from '../json.js';
import { excerptOf, type Source, type SourceRecord } from '../source.js';
import { classifyDyi, detectDyi } from './dyi.classify.js';
import { resolveDyiMedia } from './dyi.media.js';
import { entryTime, META_DYI_FORMAT, normaliseDyiEntry, syntheticIdPrefix } from './dyi.normaliser.js';
import { InvalidRecordError } from './json-fields.js';
import { readJsonUnits } from './json-input.js';

/**
 * Facebook and Instagram "Download Your Information" JSON files: Facebook posts and comments,
 * Instagram posts and reels. Each file is one JSON document; attachments are read from the export
 * folder the file sits in (see dyi.media.ts). These files exist only on disk, so there is no
 * readContent.
 */
export const metaDyiSource: Source = {
  format: META_DYI_FORMAT,
  detect: detectDyi,
  read: readDyiFile,
};

async function* readDyiFile(file: string): AsyncGenerator<SourceRecord> {
  for (const unit of await readJsonUnits(file, false)) {
    const location = unit.location;
    if (unit.kind === 'bad') {
      yield { kind: 'quarantine', reason: unit.reason, excerpt: unit.excerpt, location };
      continue;
    }
    const classified = classifyDyi(unit.value);
    if (classified === null) {
      const seen = isJsonObject(unit.value) ? `JSON object with keys ${describeKeys(unit.value)}` : 'JSON value';
      yield { kind: 'quarantine', reason: `${seen} is not a Facebook or Instagram DYI posts, comments or reels file`, excerpt: excerptOf(safeStringify(unit.value)), location };
      continue;
    }
    const { kind, entries } = classified;
    const seen = new Map<string, number>(); // synthetic ids handed out in this file
    for (const [index, entry] of entries.entries()) {
      const where = `[${index}]`;
      const problem = (reason: string): SourceRecord => ({ kind: 'quarantine', reason, excerpt: excerptOf(safeStringify(entry)), location });
      if (!isJsonObject(entry)) {
        yield problem(`${where} is not a JSON object`);
        continue;
      }
      try {
        const base = `${syntheticIdPrefix(kind)}:${entryTime(kind, entry, where)}`;
        const count = (seen.get(base) ?? 0) + 1;
        seen.set(base, count);
        const { item, mediaUris } = normaliseDyiEntry(kind, entry, count === 1 ? base : `${base}#${count}`, where);
        const media = await Promise.all(item.content.media.map((m, i) => resolveDyiMedia(file, mediaUris[i] ?? '', m)));
        yield { kind: 'item', item: { ...item, content: { ...item.content, media } }, location };
      } catch (error) {
        if (!(error instanceof InvalidRecordError)) throw error;
        yield problem(error.message);
      }
    }
  }
}
