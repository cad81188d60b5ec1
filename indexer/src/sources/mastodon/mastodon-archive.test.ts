import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalisedItem } from '@bewaard/schema';
import { mastodonArchiveZipSource } from './mastodon-archive-zip.source.js';
import { mastodonArchiveSource } from './mastodon-archive.source.js';
import { collect, itemsOf, quarantinesOf, readAll } from './test-helpers.js';

/**
 * An account archive as Mastodon's BackupService writes it (no licensed real sample exists):
 * outbox.json, actor.json and media_attachments/, built in a temp folder and zipped with Python.
 */

const ACTOR = 'https://social.example.nl/users/minbzk';
const PUBLIC = 'https://www.w3.org/ns/activitystreams#Public';
const FOLLOWERS = `${ACTOR}/followers`;
const noteId = (n: number) => `${ACTOR}/statuses/11000000000000000${n}`;
const IMAGE = Buffer.from('\x89PNG fake image bytes for the test');

function create(n: number, to: string[], cc: string[], note: Record<string, unknown>): Record<string, unknown> {
  const object = { id: noteId(n), type: 'Note', summary: null, inReplyTo: null, published: `2024-0${n}-01T10:00:00Z`, url: `https://social.example.nl/@minbzk/11000000000000000${n}`, attributedTo: ACTOR, to, cc, sensitive: false, content: `<p>Bericht ${n}</p>`, attachment: [], tag: [], ...note };
  return { id: `${noteId(n)}/activity`, type: 'Create', actor: ACTOR, published: object.published, to, cc, object };
}

const ACTIVITIES = [
  create(1, [PUBLIC], [FOLLOWERS], {
    content: undefined,
    contentMap: { nl: '<p>Nieuwe kaart <a href="https://social.example.nl/tags/Dijken" class="mention hashtag" rel="tag">#<span>Dijken</span></a> <span class="h-card"><a href="https://mastodon.example/@burger" class="u-url mention">@<span>burger</span></a></span></p>' },
    attachment: [{ type: 'Document', mediaType: 'image/png', url: '/media_attachments/files/110/000/001/original/kaart.png', name: 'Kaart van de dijken' }],
    tag: [{ type: 'Hashtag', href: 'https://social.example.nl/tags/dijken', name: '#Dijken' }, { type: 'Mention', href: 'https://mastodon.example/users/burger', name: '@burger@mastodon.example' }],
  }),
  { id: `${noteId(2)}/activity`, type: 'Announce', actor: ACTOR, published: '2024-02-01T10:00:00Z', to: [PUBLIC], cc: [FOLLOWERS], object: 'https://mastodon.example/users/burger/statuses/42' },
  create(3, [FOLLOWERS], [PUBLIC], {
    inReplyTo: noteId(1),
    attachment: [{ type: 'Document', mediaType: 'image/jpeg', url: '/media_attachments/files/110/000/003/original/weg.jpg', name: null }],
  }),
  create(4, [FOLLOWERS], [], { summary: 'Politiek', sensitive: true, updated: '2024-04-02T08:00:00Z' }),
  create(5, ['https://mastodon.example/users/burger'], [], { inReplyTo: 'https://mastodon.example/users/burger/statuses/41' }),
];

let dir: string;
let archive: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-mastodon-archive-'));
  archive = join(dir, 'archive');
  await mkdir(join(archive, 'media_attachments/files/110/000/001/original'), { recursive: true });
  await writeFile(join(archive, 'media_attachments/files/110/000/001/original/kaart.png'), IMAGE);
  await writeFile(join(archive, 'actor.json'), JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: ACTOR, type: 'Person', preferredUsername: 'minbzk', name: 'Ministerie van Voorbeeldzaken', followers: FOLLOWERS, outbox: 'outbox.json' }));
  await writeFile(join(archive, 'outbox.json'), JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: 'outbox.json', type: 'OrderedCollection', totalItems: 5, orderedItems: ACTIVITIES }));
  // `python3 -m zipfile -c` stores each argument under its base name: outbox.json, actor.json, media_attachments/…
  execFileSync('python3', ['-m', 'zipfile', '-c', join(dir, 'archive.zip'), 'outbox.json', 'actor.json', 'media_attachments'], { cwd: archive });
  // Zipping the folder itself puts everything under archive/.
  execFileSync('python3', ['-m', 'zipfile', '-c', join(dir, 'nested.zip'), 'archive'], { cwd: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function expectArchiveItems(items: NormalisedItem[]): void {
  expect(items.map((i) => i.kind)).toEqual(['post', 'repost', 'reply', 'post', 'reply']);
  expect(items.every((i) => i.author.platformActorId === ACTOR && i.author.handle === 'minbzk@social.example.nl')).toBe(true);
  const [post, repost, reply, warned, direct] = items;
  expect(post?.platformItemId).toBe(noteId(1));
  expect(post?.content).toMatchObject({ text: 'Nieuwe kaart #Dijken @burger', language: 'nl', hashtags: ['Dijken'], mentions: ['burger@mastodon.example'], links: [] });
  expect(post?.content.media).toEqual([{ originalUrl: null, mimeType: 'image/png', altText: 'Kaart van de dijken', bytes: IMAGE, missingReason: null }]);
  expect(repost).toMatchObject({ platformItemId: `${noteId(2)}/activity`, repostOfPlatformId: 'https://mastodon.example/users/burger/statuses/42', conversationPlatformId: null });
  expect(reply).toMatchObject({ inReplyToPlatformId: noteId(1), conversationPlatformId: noteId(1) });
  expect(reply?.content.media[0]?.missingReason).toBe('media_attachments/files/110/000/003/original/weg.jpg is not in the archive');
  expect(warned?.content.warning).toBe('Politiek');
  expect(warned?.edit).toEqual({ platformVersionId: null, editedAt: new Date('2024-04-02T08:00:00Z'), position: null });
  // Replies to a post outside the archive: the conversation root is unknown.
  expect(direct).toMatchObject({ inReplyToPlatformId: 'https://mastodon.example/users/burger/statuses/41', conversationPlatformId: null });
  // NormalisedContent has no visibility; raw keeps it next to the activity.
  expect(items.map((i) => (JSON.parse(i.raw.body) as { visibility: string }).visibility)).toEqual(['public', 'public', 'unlisted', 'private', 'direct']);
}

describe('mastodon-archive (unpacked folder)', () => {
  it('detects outbox.json by name and content only', async () => {
    const head = await readFile(join(archive, 'outbox.json'), 'utf8');
    expect(mastodonArchiveSource.detect(join(archive, 'outbox.json'), head)).toBe(true);
    expect(mastodonArchiveSource.detect(join(archive, 'other.json'), head)).toBe(false);
    expect(mastodonArchiveSource.detect(join(archive, 'outbox.json'), '{"orderedItems": []}')).toBe(false);
  });

  it('reads Create, Announce, replies, warnings and the media bytes beside it', async () => {
    const records = await readAll(mastodonArchiveSource, join(archive, 'outbox.json'));
    expect(quarantinesOf(records)).toEqual([]);
    expectArchiveItems(itemsOf(records));
    expect(records[0]?.location).toEqual({ file: join(archive, 'outbox.json'), line: null, offset: null });
  });
});

describe('mastodon-archive-zip', () => {
  it('detects the zip by its magic and the outbox.json entry name', async () => {
    const bytes = await readFile(join(dir, 'archive.zip'));
    const head = new TextDecoder().decode(bytes.subarray(0, 65536));
    expect(mastodonArchiveZipSource.detect(join(dir, 'archive.zip'), head)).toBe(true);
    expect(mastodonArchiveZipSource.detect('x.zip', 'PK\u0003\u0004 nothing of interest')).toBe(false);
    // The byte-level hook detectSource asks before refusing binary files.
    expect(mastodonArchiveZipSource.detectBinary?.(join(dir, 'archive.zip'), bytes.subarray(0, 65536))).toBe(true);
    expect(mastodonArchiveZipSource.detectBinary?.(join(dir, 'archive.zip'), Buffer.from('{"orderedItems": "outbox.json"}'))).toBe(false);
  });

  it('finds outbox.json in the central directory when the head does not show it', async () => {
    const big = join(dir, 'media-first');
    await mkdir(join(big, 'media_attachments'), { recursive: true });
    // Incompressible, so that the entry fills the first 64 KiB even deflated.
    await writeFile(join(big, 'media_attachments/a.bin'), randomBytes(200_000));
    await writeFile(join(big, 'outbox.json'), '{"@context": "x", "orderedItems": []}');
    execFileSync('python3', ['-m', 'zipfile', '-c', join(dir, 'media-first.zip'), 'media_attachments', 'outbox.json'], { cwd: big });
    const bytes = await readFile(join(dir, 'media-first.zip'));
    const head = new TextDecoder().decode(bytes.subarray(0, 65536));
    expect(head.includes('outbox.json')).toBe(false);
    expect(mastodonArchiveZipSource.detect(join(dir, 'media-first.zip'), head)).toBe(true);
  });

  it('reads the same items as the folder, media bytes from the zip', async () => {
    const zip = join(dir, 'archive.zip');
    const records = await readAll(mastodonArchiveZipSource, zip);
    expect(quarantinesOf(records)).toEqual([]);
    // Activities without media files come first; each one waiting for a file follows once read.
    const items = itemsOf(records).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expectArchiveItems(items);
    expect(items.every((i) => i.raw.format === 'mastodon-archive-zip')).toBe(true);
    expect(records[0]?.location.file).toBe(`${zip}#outbox.json`);
  });

  it('reads an archive whose files sit under one folder in the zip', async () => {
    const records = await readAll(mastodonArchiveZipSource, join(dir, 'nested.zip'));
    expect(itemsOf(records)).toHaveLength(5);
    expect(itemsOf(records).find((i) => i.platformItemId === noteId(1))?.content.media[0]?.bytes).toEqual(IMAGE);
  });
});

describe('mastodon-archive readContent (a live ActivityPub outbox page)', () => {
  it('reads the activities, with media as URLs to fetch', async () => {
    const page = {
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${ACTOR}/outbox?page=true`,
      type: 'OrderedCollectionPage',
      orderedItems: [create(1, [PUBLIC], [], { attachment: [{ type: 'Document', mediaType: 'image/png', url: 'https://files.social.example.nl/media_attachments/files/1/original/kaart.png', name: 'Kaart' }] })],
    };
    const records = await collect(mastodonArchiveSource.readContent!(`https://social.example.nl/users/minbzk/outbox?page=true`, JSON.stringify(page)));
    const [item, ...rest] = itemsOf(records);
    expect(rest).toEqual([]);
    // No actor.json beside a response: the author is the activity's actor URI alone.
    expect(item?.author).toEqual({ platformActorId: ACTOR, handle: null, displayName: null });
    expect(item?.content.media).toEqual([{ originalUrl: 'https://files.social.example.nl/media_attachments/files/1/original/kaart.png', mimeType: 'image/png', altText: 'Kaart', bytes: null, missingReason: 'not fetched (API capture)' }]);
  });
});
