import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { twarc2Source } from './twarc2.reader.js';

/** Corrupt and adversarial input, built in temp files: nothing may be dropped silently or crash. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-twarc2-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readText(name: string, content: string | Buffer): Promise<SourceRecord[]> {
  const file = join(dir, name);
  await writeFile(file, content);
  const records: SourceRecord[] = [];
  for await (const record of twarc2Source.read(file)) records.push(record);
  return records;
}

const user = { id: '42', username: 'ministerie', name: 'Ministerie van Voorbeelden' };
function tweet(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    text: `tweet ${id}`,
    author_id: '42',
    created_at: '2023-01-02T03:04:05.000Z',
    edit_history_tweet_ids: [id],
    ...extra,
  };
}
function page(tweets: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    data: tweets,
    includes: { users: [user] },
    __twarc: { version: 'test' },
    ...extra,
  });
}

describe('twarc2 reader on hostile input', () => {
  it('quarantines a garbage line in the middle with its line and offset, and keeps the lines around it', async () => {
    const line1 = page([tweet('1000000000000000001')]);
    const garbage = 'this is {not json';
    const line3 = page([tweet('1000000000000000003')]);
    const records = await readText('garbage.jsonl', `${line1}\n${garbage}\n${line3}\n`);
    expect(records.map((r) => r.kind)).toEqual(['item', 'quarantine', 'item']);
    const [, bad] = records;
    expect(bad?.location).toEqual({
      file: join(dir, 'garbage.jsonl'),
      line: 2,
      offset: Buffer.byteLength(line1) + 1,
    });
    expect(bad?.kind === 'quarantine' && bad.reason).toMatch(/^invalid JSON/);
    expect(bad?.kind === 'quarantine' && bad.excerpt).toBe(garbage);
    expect(records[2]?.location.line).toBe(3);
  });

  it('counts offsets in bytes and handles CRLF line ends', async () => {
    const line1 = page([tweet('1000000000000000001', { text: 'Één tweet met ë' })]);
    const records = await readText('crlf.jsonl', `${line1}\r\n${page([tweet('1000000000000000002')])}\r\n`);
    expect(records.map((r) => r.kind)).toEqual(['item', 'item']);
    expect(records[1]?.location.offset).toBe(Buffer.byteLength(line1) + 2);
    expect(records[0]?.kind === 'item' && records[0].item.content.text).toBe('Één tweet met ë');
  });

  it('quarantines a tweet whose id is a JSON number and keeps its neighbours on the page', async () => {
    const numeric =
      '{"id": 1576994746135764992, "text": "x", "author_id": "42", "created_at": "2022-10-03T17:57:01.000Z"}';
    const line = `{"data": [${JSON.stringify(tweet('1000000000000000001'))}, ${numeric}], "includes": {"users": [${JSON.stringify(user)}]}}`;
    const records = await readText('numeric-id.jsonl', `${line}\n`);
    expect(records.map((r) => r.kind)).toEqual(['item', 'quarantine']);
    const bad = records[1];
    // JSON.parse already turned the id into 1576994746135765000: that is why it is refused.
    expect(bad?.kind === 'quarantine' && bad.reason).toMatch(
      /^data\[1\]\.id is the number 1576994746135765000, not a string/,
    );
    expect(bad?.location).toEqual({ file: join(dir, 'numeric-id.jsonl'), line: 1, offset: 0 });
  });

  it('quarantines numeric ids in references, users and flattened tweets', async () => {
    const numericReference = tweet('1000000000000000001', { referenced_tweets: [{ type: 'quoted', id: 5 }] });
    const lines = [
      page([numericReference]),
      JSON.stringify({ data: [tweet('1000000000000000002')], includes: { users: [{ ...user, id: 42 }] } }),
      '{"id": 1000000000000000003, "text": "flat", "author_id": "42", "author": {"id": "42", "username": "m"}, "__twarc": {}}',
    ];
    const records = await readText('numeric-refs.jsonl', `${lines.join('\n')}\n`);
    const reasons = records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind));
    expect(reasons).toEqual([
      expect.stringMatching(/^data\[0\]\.referenced_tweets\[0\]\.id is the number 5/),
      expect.stringMatching(/^includes\.users\[0\]\.id is number 42, not a string/),
      'item', // the tweet itself is fine; its author just cannot be resolved
      expect.stringMatching(/^tweet\.id is the number/),
    ]);
    const unresolved = records[2];
    expect(unresolved?.kind === 'item' && unresolved.item.author).toEqual({
      platformActorId: '42',
      handle: null,
      displayName: null,
    });
  });

  it('quarantines tweets missing required fields, naming the field', async () => {
    const records = await readText(
      'missing.jsonl',
      `${page([{ id: '1000000000000000001', text: 'no author' }, { id: '1000000000000000002', author_id: '42' }, tweet('1000000000000000003')])}\n`,
    );
    expect(records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind))).toEqual([
      'data[0] has no author_id',
      'data[1] has no text',
      'item',
    ]);
  });

  it('reports page-level errors as quarantine records without stopping', async () => {
    const errors = [
      {
        value: '1000000000000000009',
        detail: 'Could not find tweet with ids: [1000000000000000009].',
        title: 'Not Found Error',
        resource_type: 'tweet',
        parameter: 'ids',
        resource_id: '1000000000000000009',
        type: 'https://api.twitter.com/2/problems/resource-not-found',
      },
    ];
    const records = await readText(
      'errors.jsonl',
      `${page([tweet('1000000000000000001')], { errors })}\n${JSON.stringify({ errors })}\n`,
    );
    expect(records.map((r) => r.kind)).toEqual(['item', 'quarantine', 'quarantine']);
    const reason = records[1]?.kind === 'quarantine' ? records[1].reason : '';
    expect(reason).toBe(
      'the page reports an X API error (errors[0]): Not Found Error: Could not find tweet with ids: [1000000000000000009]. (tweet 1000000000000000009)',
    );
    expect(records[2]?.location.line).toBe(2);
  });

  it('reads an empty answer (no newer tweets, a search without hits) as an empty page, not a bad record', async () => {
    const empty = JSON.stringify({ meta: { result_count: 0 } });
    const records = await readText('empty.jsonl', `${empty}\n${page([tweet('1000000000000000001')])}\n`);
    expect(records.map((r) => r.kind)).toEqual(['item']);
    const other = await readText('other.jsonl', `${JSON.stringify({ meta: { result_count: 3 } })}\n`);
    expect(other.map((r) => r.kind)).toEqual(['quarantine']);
  });

  it('quarantines JSON that is not a twarc2 record, and non-object JSON', async () => {
    const records = await readText('odd.jsonl', '{"hello": "world"}\n[1, 2]\n"text"\n');
    expect(records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind))).toEqual([
      'JSON object with keys hello is not a twarc2 page, flattened tweet or compliance record',
      'JSON array where a JSON object was expected',
      'JSON string where a JSON object was expected',
    ]);
  });

  it('quarantines a line of invalid UTF-8', async () => {
    const good = Buffer.from(`${page([tweet('1000000000000000001')])}\n`);
    const records = await readText(
      'latin1.jsonl',
      Buffer.concat([good, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d, 0x0a])]),
    );
    expect(records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind))).toEqual([
      'item',
      'line is not valid UTF-8 (binary or wrongly encoded data)',
    ]);
  });

  it('turns non-deletion compliance actions and bad compliance ids into quarantine records', async () => {
    const records = await readText(
      'compliance.jsonl',
      '{"id":"1170025343920402432","action":"scrub_geo","created_at":"2019-09-06T17:25:54.667Z","reason":"scrub_geo"}\n{"id":1170025343920402432,"action":"delete"}\n',
    );
    expect(records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind))).toEqual([
      'compliance action "scrub_geo" for 1170025343920402432 is not a deletion; not imported',
      expect.stringMatching(/^compliance record\.id is the number/),
    ]);
  });

  it('reads an empty file as no records', async () => {
    expect(await readText('empty.jsonl', '')).toEqual([]);
    expect(await readText('blank.jsonl', '\n\n  \n')).toEqual([]);
  });

  it('is idempotent: the same file gives identical records twice', async () => {
    const content = `${page([tweet('1000000000000000001'), tweet('1000000000000000002')])}\nnot json\n`;
    expect(await readText('again.jsonl', content)).toEqual(await readText('again.jsonl', content));
  });

  it('maps a reference to a later edit version to the chain even when the chain comes later in the file', async () => {
    const reply = tweet('1000000000000000010', {
      referenced_tweets: [{ type: 'replied_to', id: '1000000000000000002' }],
      conversation_id: '1000000000000000002',
    });
    const edited = tweet('1000000000000000002', {
      edit_history_tweet_ids: ['1000000000000000001', '1000000000000000002'],
    });
    const records = await readText('chain-later.jsonl', `${page([reply])}\n${page([edited])}\n`);
    const items = records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
    expect(items[0]).toMatchObject({
      inReplyToPlatformId: '1000000000000000001',
      conversationPlatformId: '1000000000000000001',
    });
    // The first version was not captured: its time comes from its snowflake id.
    expect(items[1]).toMatchObject({ platformItemId: '1000000000000000001', edit: { position: 1 } });
    expect(items[1]?.createdAt).toEqual(new Date('2018-05-25T13:05:53.000Z'));
  });
});
