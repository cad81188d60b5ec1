import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, itemsOf, readAll } from '../mastodon/test-helpers.js';
import { blueskyApiSource } from './bluesky-api.source.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Corrupt and adversarial input: never a throw, never a silent drop. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-bluesky-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FEED = sharedFixture('bluesky-api/app.bsky.feed.getAuthorFeed.json');
const reasons = (records: Awaited<ReturnType<typeof collect>>) => records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind));
const read = (payload: string) => collect(blueskyApiSource.readContent!('test.json', payload));

describe('bluesky-api on hostile input', () => {
  it('quarantines a cut-off document, naming the file', async () => {
    const file = join(dir, 'cut.json');
    await writeFile(file, (await readFile(FEED, 'utf8')).slice(0, 3000));
    const records = await readAll(blueskyApiSource, file);
    expect(records).toHaveLength(1);
    expect(records[0]?.kind === 'quarantine' && records[0].reason.startsWith(`${file} is not valid JSON`)).toBe(true);
    expect(records[0]?.location).toEqual({ file, line: null, offset: null });
    // Its head still looks like a feed: detection does not need the whole document.
    expect(blueskyApiSource.detect(file, (await readFile(FEED, 'utf8')).slice(0, 3000))).toBe(true);
  });

  it('quarantines broken feed entries and keeps the others', async () => {
    const feed = JSON.parse(await readFile(FEED, 'utf8')) as { feed: Array<Record<string, unknown>> };
    const [repost, reply, post] = feed.feed as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    const broken = [
      'not an entry',
      { post: { ...(post.post as object), uri: 'https://bsky.app/profile/x/post/y' } },
      { post: { ...(post.post as object), author: { handle: 'no-did.bsky.social' } } },
      { post: { ...(post.post as object), uri: (post.post as { uri: string }).uri.replace('3kasvrt6b372y', 'other'), record: { text: 'x', createdAt: 'gisteren' }, indexedAt: 'ook niet' } },
      { ...repost, reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: (repost.reason as { by: unknown }).by } },
    ];
    const records = await read(JSON.stringify({ feed: [reply, ...broken] }));
    expect(reasons(records)).toEqual([
      'item', // the reply
      'item', // its root/parent, from the reply context
      'feed[1] is not a JSON object',
      'feed[2].post.uri is not the AT URI of a post: "https://bsky.app/profile/x/post/y"',
      'feed[3].post.author has no did',
      'feed[4].post has no readable record.createdAt or indexedAt: "gisteren"',
      'item', // the reposted post
      'feed[5].reason has no indexedAt, so the repost cannot be dated',
    ]);
  });

  it('does not detect JSON that is not an AppView response, and quarantines it when read', async () => {
    const twarc = (await readFile(sharedFixture('twitter-v2-twarc2/media_tweet.jsonl'), 'utf8')).slice(0, 65536);
    const mastodon = await readFile(sharedFixture('mastodon-api/tootsdk_post_edited.json'), 'utf8');
    for (const head of ['{"feed": "x"}', '{"foo": 1}', '[]', twarc, mastodon, 'text']) expect(blueskyApiSource.detect('x.json', head)).toBe(false);
    expect(reasons(await read('{"foo": 1}'))).toEqual(['JSON object with keys foo is not a Bluesky feed, thread, post list or post view']);
    expect(reasons(await read('[1]'))).toEqual(['JSON array whose first element is not a post view is not a Bluesky API payload']);
  });

  it('reads JSON Lines of responses, quarantining a bad line by number', async () => {
    const page = JSON.stringify(JSON.parse(await readFile(FEED, 'utf8')));
    const records = await read(`${page}\n{"feed": [\n${page}\n`);
    expect(itemsOf(records)).toHaveLength(8);
    expect(records.filter((r) => r.kind === 'quarantine').map((r) => r.location.line)).toEqual([2]);
  });

  it('cuts a hostile thread deeper than 1000 levels, with a record saying so', async () => {
    let thread: unknown = { $type: 'app.bsky.feed.defs#notFoundPost', uri: 'at://did:plc:x/app.bsky.feed.post/end', notFound: true };
    for (let depth = 0; depth < 1100; depth++) thread = { $type: 'app.bsky.feed.defs#threadViewPost', post: { uri: 'at://did:plc:x/app.bsky.feed.post/p', author: { did: 'did:plc:x' }, record: { text: 't', createdAt: '2024-01-01T00:00:00Z' } }, parent: thread };
    const records = await read(JSON.stringify({ thread }));
    expect(itemsOf(records)).toHaveLength(1); // every level is the same post
    expect(reasons(records).filter((r) => r !== 'item')).toEqual([expect.stringMatching(/thread deeper than 1000 levels/)]);
  });
});

describe('bluesky-api detection of look-alikes', () => {
  it('needs a real post view in a feed, post list or thread', () => {
    for (const head of ['{"feed": [{"title": "RSS item"}]}', '{"feed": []}', '{"posts": [{"id": 1}]}', '{"thread": {"id": 1}}'])
      expect(blueskyApiSource.detect('x.json', head)).toBe(false);
  });
});
