import type { DeletionNotice, NormalisedItem } from '@bewaard/schema';
import type { Source, SourceRecord } from '../source.js';

/** Shared by the Mastodon and Bluesky tests (not a test file itself, so not collected). */

export async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const all: SourceRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

export const readAll = (source: Source, file: string): Promise<SourceRecord[]> => collect(source.read(file));

export function itemsOf(records: SourceRecord[]): NormalisedItem[] {
  return records.flatMap((record) => (record.kind === 'item' ? [record.item] : []));
}

export function deletionsOf(records: SourceRecord[]): DeletionNotice[] {
  return records.flatMap((record) => (record.kind === 'deletion' ? [record.notice] : []));
}

export function quarantinesOf(records: SourceRecord[]): Array<Extract<SourceRecord, { kind: 'quarantine' }>> {
  return records.flatMap((record) => (record.kind === 'quarantine' ? [record] : []));
}

export function countKinds(items: NormalisedItem[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
  return counts;
}
