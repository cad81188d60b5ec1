import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonArchiveZipSource } from './mastodon-archive-zip.source.js';
import { mastodonArchiveSource } from './mastodon-archive.source.js';
import { mastodonApiSource } from './mastodon-api.source.js';
import { status } from './mastodon-status-fixtures.js';
import { itemsOf, readAll } from './test-helpers.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Corrupt and adversarial input: never a throw, never a silent drop. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-mastodon-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Buffer): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

const reasons = (records: Awaited<ReturnType<typeof readAll>>) => records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind));

describe('mastodon-api on hostile input', () => {
  it('quarantines a cut-off document, naming the file', async () => {
    const file = await write('cut.json', JSON.stringify(status('1'), null, 2).slice(0, 200));
    const records = await readAll(mastodonApiSource, file);
    expect(records).toHaveLength(1);
    expect(records[0]?.kind === 'quarantine' && records[0].reason).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON`));
    expect(records[0]?.location).toEqual({ file, line: null, offset: null });
  });

  it('quarantines a garbage line of JSON Lines and reads the lines around it', async () => {
    const line1 = JSON.stringify(status('1'));
    const file = await write('lines.jsonl', `${line1}\n{not json\n${JSON.stringify(status('3'))}`);
    const records = await readAll(mastodonApiSource, file);
    expect(reasons(records)).toEqual(['item', expect.stringMatching(/^invalid JSON \(/), 'item']);
    expect(records[1]?.location).toEqual({ file, line: 2, offset: Buffer.byteLength(line1) + 1 });
  });

  it('quarantines a status without id, or with a numeric id, and keeps its neighbours', async () => {
    const { id: _id, ...withoutId } = status('1');
    const numeric = `{"id": 111337272989523541, ${JSON.stringify(status('x')).slice(1).replace('"id":"x",', '')}`;
    const file = await write('timeline.json', `[${JSON.stringify(withoutId)}, ${JSON.stringify(status('2'))}, ${numeric}]`);
    const records = await readAll(mastodonApiSource, file);
    expect(reasons(records)).toEqual([
      '[0] has no id',
      'item',
      // JSON.parse has already rounded it: that is why it is refused.
      expect.stringMatching(/^\[2\]\.id is the number 111337272989523540, not a string/),
    ]);
  });

  it('quarantines a status with no account, an unreadable time, or no uri', async () => {
    const file = await write('bad.json', JSON.stringify([status('1', { account: null }), status('2', { created_at: 'yesterday' }), status('3', { uri: '', url: null })]));
    // Element 0 has no account, so it is not status-like: the array is judged by it and refused whole.
    expect(reasons(await readAll(mastodonApiSource, file))).toEqual([expect.stringMatching(/^JSON array whose first element is not a status/)]);
    const file2 = await write('bad2.json', JSON.stringify([status('0'), status('1', { account: null }), status('2', { created_at: 'yesterday' }), status('3', { uri: '', url: null })]));
    expect(reasons(await readAll(mastodonApiSource, file2))).toEqual(['item', '[1] has no account', '[2].created_at is not a timestamp: "yesterday"', '[3] has no uri or url']);
  });

  it('quarantines JSON that is not a Mastodon payload, and does not detect it', async () => {
    const youtube = await readFile(sharedFixture('youtube-data-api-v3/videos_list_multi.json'), 'utf8');
    for (const head of ['{"foo": 1}', youtube, '[]', '[1, 2]', 'plain text', '']) expect(mastodonApiSource.detect('x.json', head)).toBe(false);
    const twarc = await readFile(sharedFixture('twitter-v2-twarc2/two_tweets.jsonl'), 'utf8');
    expect(mastodonApiSource.detect('x.jsonl', twarc.slice(0, 65536))).toBe(false);
    const records = await readAll(mastodonApiSource, await write('other.json', '{"foo": 1}'));
    expect(reasons(records)).toEqual(['JSON object with keys foo is not a Mastodon status, timeline, context, edit history or streaming event']);
  });

  it('detects a timeline whose head is cut inside the document', () => {
    const big = JSON.stringify(Array.from({ length: 200 }, (_, i) => status(String(1000 + i))), null, 2);
    expect(big.length).toBeGreaterThan(65536);
    expect(mastodonApiSource.detect('page.json', big.slice(0, 65536))).toBe(true);
  });

  it('quarantines a file that is not UTF-8', async () => {
    const file = await write('latin1.json', Buffer.from([0x7b, 0x0a, 0x22, 0xe9, 0x22, 0x0a]));
    expect(reasons(await readAll(mastodonApiSource, file))).toEqual([expect.stringMatching(/^the file cannot be read as UTF-8 text/)]);
  });
});

describe('mastodon-archive on hostile input', () => {
  const outbox = (items: unknown[]) => JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', type: 'OrderedCollection', orderedItems: items });
  const note = (extra: Record<string, unknown>) => ({
    id: 'https://s.example/users/a/statuses/1/activity',
    type: 'Create',
    actor: 'https://s.example/users/a',
    to: ['https://www.w3.org/ns/activitystreams#Public'],
    object: { id: 'https://s.example/users/a/statuses/1', type: 'Note', published: '2024-01-01T00:00:00Z', content: '<p>x</p>', ...extra },
  });

  it('refuses media paths that climb out of the archive, and unsupported activities', async () => {
    const sub = await mkdtemp(join(dir, 'archive-'));
    await writeFile(join(sub, 'outbox.json'), outbox([note({ attachment: [{ type: 'Document', url: '../../../etc/passwd' }] }), { type: 'Like', object: 'x' }, 'string']));
    await writeFile(join(sub, 'actor.json'), '{broken');
    const records = await readAll(mastodonArchiveSource, join(sub, 'outbox.json'));
    expect(reasons(records)).toEqual([
      expect.stringMatching(/actor\.json is not an ActivityPub actor .*; authors are taken from the activities$/),
      'item',
      'orderedItems[1] is a Like activity; only Create and Announce are imported',
      'orderedItems[2] is not a JSON object',
    ]);
    expect(records[0]?.location.file).toBe(join(sub, 'actor.json'));
    const [item] = itemsOf(records);
    expect(item?.author).toEqual({ platformActorId: 'https://s.example/users/a', handle: null, displayName: null });
    expect(item?.content.media[0]?.missingReason).toBe('attachment url "../../../etc/passwd" is not a path inside the archive');
  });

  it('quarantines a broken outbox.json as a whole', async () => {
    const sub = await mkdtemp(join(dir, 'archive-'));
    await writeFile(join(sub, 'outbox.json'), '{"@context": "x", "orderedItems": [');
    expect(reasons(await readAll(mastodonArchiveSource, join(sub, 'outbox.json')))).toEqual([expect.stringMatching(/outbox\.json is not valid JSON/)]);
    await writeFile(join(sub, 'outbox.json'), '{"@context": "x", "type": "OrderedCollection"}');
    expect(reasons(await readAll(mastodonArchiveSource, join(sub, 'outbox.json')))).toEqual([expect.stringMatching(/is not an ActivityStreams outbox: keys @context, type, no orderedItems list$/)]);
  });

  it('quarantines a damaged zip instead of throwing', async () => {
    const file = await write('broken.zip', Buffer.concat([Buffer.from('PK\u0003\u0004outbox.json'), Buffer.alloc(100, 1)]));
    const records = await readAll(mastodonArchiveZipSource, file);
    expect(reasons(records)).toEqual([expect.stringMatching(/cannot be read as a zip archive/)]);
  });
});

describe('mastodon-api detection of look-alikes', () => {
  it('needs a status in a context or search result, and a Mastodon event name', () => {
    for (const head of ['{"ancestors": [], "descendants": []}', '{"ancestors": [{"id": "1"}], "descendants": []}', '{"statuses": [], "accounts": [], "hashtags": []}', '{"event": "click", "payload": "x"}'])
      expect(mastodonApiSource.detect('x.json', head)).toBe(false);
    expect(mastodonApiSource.detect('x.json', '{"stream": ["public"], "event": "delete", "payload": "1"}')).toBe(true);
  });
});
