import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { twitterV1Source } from './twitter-v1.reader.js';

/** Corrupt, adversarial and unusual v1.1 input, built here: nothing dropped silently, nothing thrown. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-v1-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(name: string, content: string): Promise<SourceRecord[]> {
  const file = join(dir, name);
  await writeFile(file, content);
  const records: SourceRecord[] = [];
  for await (const record of twitterV1Source.read(file)) records.push(record);
  return records;
}

async function readContent(content: unknown): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of twitterV1Source.readContent!('test.warc.gz#record-1', JSON.stringify(content))) records.push(record);
  return records;
}

const user = { id: 42, id_str: '42', screen_name: 'minvws', name: 'Ministerie van VWS' };
function tweet(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { created_at: 'Wed Oct 10 20:19:24 +0000 2018', id: Number(id), id_str: id, full_text: `tweet ${id}`, user, ...extra };
}
const kinds = (records: SourceRecord[]) => records.map((r) => r.kind);
const reasons = (records: SourceRecord[]) => records.flatMap((r) => (r.kind === 'quarantine' ? [r.reason] : []));

describe('twitter-v1.1 on hostile input', () => {
  it('quarantines a broken element in the middle of a pretty-printed array with its line, and keeps the others', async () => {
    const content = `[\n${JSON.stringify(tweet('1001'))},\n{"id_str": "1002", "full_text": oops},\n${JSON.stringify(tweet('1003'))}\n]\n`;
    const records = await readText('broken.json', content);
    expect(kinds(records)).toEqual(['item', 'quarantine', 'item']);
    expect(records[1]?.location.line).toBe(3);
    expect(reasons(records)[0]).toMatch(/^element 1 is not valid JSON/);
    expect(records[1]?.kind === 'quarantine' && records[1].excerpt).toBe('{"id_str": "1002", "full_text": oops}');
  });

  it('refuses an id_str that is a JSON number (already corrupted above 2^53), and a tweet without id_str', async () => {
    // Written as text: the number must reach the reader as the JSON file has it.
    const content = JSON.stringify([tweet('1001'), { ...tweet('1002'), id_str: undefined }, tweet('1003')]).replace('"id_str":"1001"', '"id_str":1169246717864136705');
    const records = await readText('ids.json', content);
    expect(kinds(records)).toEqual(['quarantine', 'quarantine', 'item']);
    expect(reasons(records)[0]).toMatch(/^\$\[0\]\.id_str is the number 1169246717864136700, not a string/);
    expect(reasons(records)[1]).toBe('$[1] has no id_str');
  });

  it('refuses numeric reply and user ids, a tweet without user, and an unreadable created_at', async () => {
    const records = await readText('fields.json', JSON.stringify([
      tweet('1', { in_reply_to_status_id_str: 12 }),
      tweet('2', { user: { id_str: 42 } }),
      tweet('3', { user: undefined }),
      tweet('4', { created_at: '2018-10-10 yesterday' }),
    ]));
    expect(reasons(records)).toEqual([
      expect.stringMatching(/^\$\[0\]\.in_reply_to_status_id_str is the number 12/) as string,
      expect.stringMatching(/^\$\[1\]\.user\.id_str is the number 42/) as string,
      '$[2] has no user object, so its author is unknown',
      '$[3].created_at is not a timestamp: "2018-10-10 yesterday"',
    ]);
  });

  it('reads JSON lines (one page per line), quarantining a garbage line and a cut-off last line', async () => {
    const lines = [JSON.stringify([tweet('1'), tweet('2')]), 'not json {', JSON.stringify(tweet('3')), '{"id_str": "4", "full_te'];
    const records = await readText('pages.jsonl', lines.join('\n'));
    expect(kinds(records)).toEqual(['item', 'item', 'quarantine', 'item', 'quarantine']);
    expect(records.map((r) => r.location.line)).toEqual([1, 1, 2, 3, 4]);
    expect(records[2]?.location.offset).toBe(lines[0]!.length + 1);
    expect(reasons(records)[1]).toMatch(/last line, which has no final newline: the file was probably cut off/);
  });

  it('emits each tweet once per payload even when quoted twice, nested ones included', async () => {
    const quoted = tweet('500');
    const records = await readContent([tweet('1', { quoted_status: quoted, quoted_status_id_str: '500' }), tweet('2', { quoted_status: quoted, quoted_status_id_str: '500' })]);
    expect(records.map((r) => r.kind === 'item' && [r.item.platformItemId, r.item.kind, r.item.quotedPlatformId])).toEqual([
      ['1', 'quote', '500'],
      ['500', 'post', null],
      ['2', 'quote', '500'],
    ]);
  });

  it('places edited versions in their chain (ext_edit_control) and points references at the first id', async () => {
    const first = tweet('1600000000000000001', { ext_edit_control: { initial: { edit_tweet_ids: ['1600000000000000001', '1600000000000000002'] } } });
    const second = tweet('1600000000000000002', {
      created_at: 'Wed Oct 12 20:19:24 +0000 2022',
      ext_edit_control: { edit: { initial_tweet_id: '1600000000000000001', edit_control_initial: { edit_tweet_ids: ['1600000000000000001', '1600000000000000002'] } } },
    });
    const reply = tweet('1600000000000000009', { in_reply_to_status_id_str: '1600000000000000002' });
    const items = (await readContent([reply, second, first])).flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    expect(items[0]?.inReplyToPlatformId).toBe('1600000000000000001');
    expect(items[1]?.platformItemId).toBe('1600000000000000001');
    expect(items[1]?.edit).toEqual({ platformVersionId: '1600000000000000002', editedAt: new Date('2022-10-12T20:19:24Z'), position: 1 });
    // The item's creation time is the first version's, read from the first id's snowflake:
    // (1600000000000000001 >> 22) ms after X's epoch 2010-11-04T01:42:54.657Z, whole seconds.
    expect(items[1]?.createdAt.toISOString()).toBe('2022-12-06T05:31:41.000Z');
    expect(items[2]?.edit?.position).toBe(0);
  });
});

describe('twitter-v1.1 readContent on the other API response shapes', () => {
  it('reads a search response {statuses, search_metadata}', async () => {
    const records = await readContent({ statuses: [tweet('1'), tweet('2')], search_metadata: { count: 2 } });
    expect(records.map((r) => r.kind === 'item' && r.item.platformItemId)).toEqual(['1', '2']);
    expect(records[0]?.location).toEqual({ file: 'test.warc.gz#record-1', line: 1, offset: 0 });
  });

  it('quarantines each API error with its code and message', async () => {
    const records = await readContent({ errors: [{ code: 34, message: 'Sorry, that page does not exist.' }] });
    expect(reasons(records)).toEqual(['X API error ($.errors[0]): code 34: Sorry, that page does not exist.']);
  });

  it('turns a streaming delete message into a deletion, and quarantines a limit notice', async () => {
    const deletion = await readContent({ delete: { status: { id: 1, id_str: '1600000000000000001', user_id_str: '42' }, timestamp_ms: '1665432000000' } });
    expect(deletion).toEqual([
      {
        kind: 'deletion',
        notice: { platform: 'x', platformItemId: '1600000000000000001', detectedAt: new Date(1665432000000), method: 'x-stream:delete', platformDeletedAt: new Date(1665432000000) },
        location: { file: 'test.warc.gz#record-1', line: 1, offset: 0 },
      },
    ]);
    expect(reasons(await readContent({ limit: { track: 12, timestamp_ms: '1' } }))).toEqual(['$ is a streaming "limit" message, not a tweet; not imported']);
  });

  it('reads the latest status of a users/lookup user, and quarantines a user without one', async () => {
    const { id: _id, ...withoutNumber } = user;
    const records = await readContent([{ ...withoutNumber, created_at: 'Wed Oct 10 20:19:24 +0000 2012', status: { ...tweet('7'), user: undefined } }, user]);
    expect(kinds(records)).toEqual(['item', 'quarantine']);
    const item = records[0]?.kind === 'item' ? records[0].item : null;
    expect(item?.author).toEqual({ platformActorId: '42', handle: 'minvws', displayName: 'Ministerie van VWS' });
    expect(JSON.parse(item?.raw.body ?? '{}')).toMatchObject({ id_str: '7', user: { screen_name: 'minvws' } });
    expect(reasons(records)[0]).toBe('$[1] is a user object (@minvws) without a status; profiles are not imported');
  });

  it('quarantines JSON that is not a tweet, and an empty page yields nothing', async () => {
    expect(reasons(await readContent({ hello: 'world' }))).toEqual(['$ is a JSON object with keys hello, not a v1.1 tweet']);
    expect(reasons(await readContent([1]))).toEqual(['$[0] is a JSON number, not a tweet']);
    expect(await readContent([])).toEqual([]);
  });
});
