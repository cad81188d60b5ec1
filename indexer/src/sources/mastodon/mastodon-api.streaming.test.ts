import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonApiSource } from './mastodon-api.source.js';
import { HOST, localAccount, status } from './mastodon-status-fixtures.js';
import { collect, deletionsOf, itemsOf, quarantinesOf, readAll } from './test-helpers.js';

/** Streaming API captures: server-sent events text and WebSocket messages as JSON Lines. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-mastodon-stream-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ORIGINAL = status('111000000000000001', { content: '<p>Eerste versie</p>' });
const EDITED = status('111000000000000001', { content: '<p>Tweede versie</p>', edited_at: '2024-03-01T09:05:00.000Z' });
const URI = `https://${HOST}/users/minbzk/statuses/111000000000000001`;

const SSE = [
  ':)',
  'event: update',
  `data: ${JSON.stringify(ORIGINAL)}`,
  '',
  ':thump',
  'event: status.update',
  `data: ${JSON.stringify(EDITED)}`,
  '',
  'event: delete',
  'data: 111000000000000001',
  '',
  'event: delete',
  'data: 111000000000000999',
  '',
].join('\n');

describe('server-sent events (GET /api/v1/streaming/…)', () => {
  it('is detected from its first lines', () => {
    expect(mastodonApiSource.detect('public.sse', SSE)).toBe(true);
    expect(mastodonApiSource.detect('other.txt', 'event: ping\ndata: 1\n\n')).toBe(false);
  });

  it('reads update and status.update as two versions, delete events as deletions', async () => {
    const file = join(dir, 'public.sse');
    await writeFile(file, SSE);
    const records = await readAll(mastodonApiSource, file);
    expect(records.map((r) => r.kind)).toEqual(['item', 'item', 'deletion', 'deletion']);
    const [first, second] = itemsOf(records);
    expect([first?.platformItemId, second?.platformItemId]).toEqual([URI, URI]);
    expect([first?.content.text, second?.content.text]).toEqual(['Eerste versie', 'Tweede versie']);
    expect(second?.edit?.editedAt?.toISOString()).toBe('2024-03-01T09:05:00.000Z');
    const { mtime } = await stat(file);
    expect(deletionsOf(records)).toEqual([
      // A status the stream showed: its uri.
      { platform: 'mastodon', platformItemId: URI, detectedAt: mtime, method: 'mastodon-streaming:delete', platformDeletedAt: null },
      // One it never showed: the local id at the instance learnt from the local account minbzk.
      { platform: 'mastodon', platformItemId: `https://${HOST}/api/v1/statuses/111000000000000999`, detectedAt: mtime, method: 'mastodon-streaming:delete', platformDeletedAt: null },
    ]);
    // Each record points at the line where its event starts.
    expect(records.map((r) => r.location.line)).toEqual([2, 6, 9, 12]);
    expect(records[1]?.location.offset).toBe(Buffer.byteLength(SSE.split('\n').slice(0, 5).join('\n')) + 1);
  });

  it('quarantines a delete it cannot tie to an instance, and lines that are not SSE', async () => {
    const text = 'event: delete\ndata: 42\n\nthis is not an SSE line\n';
    const records = await collect(mastodonApiSource.readContent!('capture.txt', text));
    expect(quarantinesOf(records).map((q) => q.reason)).toEqual([
      expect.stringMatching(/^delete event for status 42, which this stream never showed/),
      'line is not a server-sent events field (event:, data:, id:, retry: or a :comment)',
    ]);
  });

  it('resolves a delete through the streaming URL in the label', async () => {
    const records = await collect(mastodonApiSource.readContent!(`ws wss://${HOST}/api/v1/streaming?stream=public`, 'event: delete\ndata: 42\n\n'));
    expect(deletionsOf(records).map((d) => d.platformItemId)).toEqual([`https://${HOST}/api/v1/statuses/42`]);
  });

  it('reads a capture cut off in the middle of an event up to where it stops', async () => {
    const cut = `event: update\ndata: ${JSON.stringify(ORIGINAL).slice(0, 80)}`;
    const records = await collect(mastodonApiSource.readContent!('cut.sse', cut));
    expect(records.map((r) => r.kind)).toEqual(['quarantine']);
    expect(quarantinesOf(records)[0]?.reason).toMatch(/^the update event's payload is not valid JSON/);
  });
});

describe('WebSocket messages as JSON Lines ({stream, event, payload})', () => {
  const lines = [
    { stream: ['public'], event: 'update', payload: JSON.stringify(ORIGINAL) },
    { stream: ['public'], event: 'delete', payload: '111000000000000001' },
    { stream: ['user'], event: 'notification', payload: JSON.stringify({ id: '5', type: 'follow', account: localAccount }) },
  ]
    .map((line) => JSON.stringify(line))
    .join('\n');

  it('is detected and read line by line', async () => {
    expect(mastodonApiSource.detect('ws.jsonl', lines)).toBe(true);
    const records = await collect(mastodonApiSource.readContent!('ws.jsonl', `${lines}\n`));
    expect(records.map((r) => r.kind)).toEqual(['item', 'deletion', 'quarantine']);
    expect(deletionsOf(records)[0]?.platformItemId).toBe(URI);
    expect(quarantinesOf(records)[0]?.reason).toBe('notification of type follow carries no status; not imported');
    expect(records.map((r) => r.location.line)).toEqual([1, 2, 3]);
  });
});
