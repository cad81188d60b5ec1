import type { NormalisedItem } from '@bewaard/schema';
import type { SourceRecord } from '../../source.js';

/** Shared helpers for the WARC/WACZ tests: collecting records and small X API v2 bodies. */

export type Quarantine = Extract<SourceRecord, { kind: 'quarantine' }>;

export async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const all: SourceRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

export const itemsOf = (records: SourceRecord[]): NormalisedItem[] =>
  records.flatMap((record) => (record.kind === 'item' ? [record.item] : []));

export const quarantinesOf = (records: SourceRecord[]): Quarantine[] =>
  records.flatMap((record) => (record.kind === 'quarantine' ? [record] : []));

const user = { id: '42', username: 'rijksoverheid', name: 'Rijksoverheid' };

export function v2Tweet(id: string, text = `bericht ${id}`): Record<string, unknown> {
  return { id, text, author_id: '42', created_at: '2024-03-01T09:00:00.000Z', edit_history_tweet_ids: [id] };
}

/** An X API v2 response body as the API sends it: no __twarc, compact JSON. */
export function v2Page(tweets: Array<Record<string, unknown>>): string {
  return JSON.stringify({ data: tweets, includes: { users: [user] }, meta: { result_count: tweets.length } });
}
