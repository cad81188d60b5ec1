import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NormalisedItem } from '@bewaard/schema';
import { afterAll, beforeAll } from 'vitest';
import type { Source, SourceRecord } from '../sources/source.js';

/**
 * For tests of a source on inputs they construct: a temp folder for the suite (removed afterwards)
 * `read(name, content)`, which writes the file and returns every record the source yields, and
 * `inputPath(name)`, where that file is.
 */
export function constructedInput(source: Source, prefix: string) {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), `bewaard-${prefix}-`));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const inputPath = (name: string): string => join(dir, name);
  const read = async (name: string, content: string): Promise<SourceRecord[]> => {
    await writeFile(inputPath(name), content);
    const records: SourceRecord[] = [];
    for await (const record of source.read(inputPath(name))) records.push(record);
    return records;
  };
  return { read, inputPath };
}

export const itemsOf = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
export const reasonsOf = (records: SourceRecord[]): string[] => records.flatMap((r) => (r.kind === 'quarantine' ? [r.reason] : []));
