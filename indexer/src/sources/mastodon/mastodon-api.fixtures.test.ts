import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mastodonApiSource } from './mastodon-api.source.js';
import { collect, countKinds, deletionsOf, itemsOf, quarantinesOf, readAll } from './test-helpers.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Real Mastodon REST responses (bigbone, TootSDK test data); see shared/fixtures/real/SOURCES.md. */
const fixture = (name: string): string => sharedFixture('mastodon-api', name);
const read = (file: string) => readAll(mastodonApiSource, file);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bewaard-mastodon-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bigbone_context.json (2 ancestors, 1 descendant)', () => {
  const ROOT = 'tag:mstdn.onosendai.jp,2017-05-03:objectId=141300:objectType=Status';
  const REPLY = 'tag:mstdn.jp,2017-05-03:objectId=6884692:objectType=Status';
  const DESCENDANT = 'tag:mstdn.jp,2017-05-03:objectId=6886129:objectType=Status';

  it('makes every status an item, named by its uri', async () => {
    const records = await read(fixture('bigbone_context.json'));
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    expect(items.map((i) => i.platformItemId)).toEqual([ROOT, REPLY, DESCENDANT]);
    expect(items.map((i) => i.kind)).toEqual(['post', 'reply', 'reply']);
    expect(records.every((r) => r.location.line === null && r.location.offset === null)).toBe(true);
  });

  it('links replies: in the payload by uri, outside it by the serving instance', async () => {
    const [root, reply, descendant] = itemsOf(await read(fixture('bigbone_context.json')));
    expect(root?.inReplyToPlatformId).toBeNull();
    // in_reply_to_id 6884492 is ancestors[0], whose uri is a tag: URI of another instance.
    expect(reply?.inReplyToPlatformId).toBe(ROOT);
    // 6886100 is not in the payload and its author (28497) is remote; mstdn.jp served the API
    // (test2 is local there), so the local id resolves at mstdn.jp.
    expect(descendant?.inReplyToPlatformId).toBe('https://mstdn.jp/api/v1/statuses/6886100');
    // The first ancestor is the conversation root, for the descendant too.
    expect([root, reply, descendant].map((i) => i?.conversationPlatformId)).toEqual([ROOT, ROOT, ROOT]);
  });

  it('identifies local and remote authors, converts the HTML and keeps the remote image', async () => {
    const [root, reply] = itemsOf(await read(fixture('bigbone_context.json')));
    // Remote account, 2017 API without account.uri: its profile URL.
    expect(root?.author).toEqual({ platformActorId: 'https://mstdn.onosendai.jp/@test', handle: 'test@mstdn.onosendai.jp', displayName: 'test' });
    // Local account of mstdn.jp: the actor URI Mastodon gives local accounts.
    expect(reply?.author).toEqual({ platformActorId: 'https://mstdn.jp/users/test2', handle: 'test2@mstdn.jp', displayName: 'test2' });
    expect(reply?.content.text).toBe('@test\n引っ越してドトールない街に移ったのでやけに美味しそう');
    expect(reply?.content.mentions).toEqual(['test@mstdn.onosendai.jp']);
    expect(reply?.createdAt.toISOString()).toBe('2017-05-03T02:24:42.799Z');
    expect(root?.content.media).toEqual([
      {
        originalUrl: 'https://media.mstdn.jp/images/media_attachments/files/000/443/773/original/f1e20bf4332c4cf0.jpeg',
        mimeType: 'image/jpeg',
        altText: null,
        bytes: null,
        missingReason: 'not fetched (API capture)',
      },
    ]);
  });
});

describe('bigbone_status_edit_history.json (5 StatusEdit versions, no ids)', () => {
  const TEXTS = [
    'this is a status that will be edited',
    'this is a status that has been edited',
    'this is a status that has been edited twice',
    // Versions 3 and 4 differ only in the poll, which is why the poll belongs in the text.
    'this is a status that has been edited three times. this time a poll has been added.\n\n○ cool\n○ uncool\n○ spiderman',
    'this is a status that has been edited three times. this time a poll has been added.\n\n○ cool\n○ uncool\n○ spiderman (this option has been changed)',
  ];
  const EDITED_AT = ['2022-09-04T23:22:13.704Z', '2022-09-04T23:22:42.555Z', '2022-09-04T23:22:55.956Z', '2022-09-05T00:01:48.160Z', '2022-09-05T00:03:32.480Z'];
  // trwnh is a local account (acct without '@') of the instance named in the label or file name.
  const ITEM_ID = 'https://mastodon.social/users/trwnh/statuses/108940409155041306';

  function expectFiveVersions(records: Awaited<ReturnType<typeof read>>): void {
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.content.text)).toEqual(TEXTS);
    expect(items.map((i) => i.edit)).toEqual(
      EDITED_AT.map((at, position) => ({ platformVersionId: null, editedAt: new Date(at), position })),
    );
    expect(new Set(items.map((i) => i.platformItemId))).toEqual(new Set([ITEM_ID]));
    // The status was published when its first version was written.
    expect(items.every((i) => i.createdAt.toISOString() === EDITED_AT[0])).toBe(true);
    expect(items[0]?.author).toEqual({ platformActorId: 'https://mastodon.social/users/trwnh', handle: 'trwnh@mastodon.social', displayName: 'infinite love ⴳ' });
  }

  it('reads the versions when the label carries the history URL', async () => {
    const content = await readFile(fixture('bigbone_status_edit_history.json'), 'utf8');
    const label = 'harvest.warc.gz#record-3 https://mastodon.social/api/v1/statuses/108940409155041306/history';
    const records = await collect(mastodonApiSource.readContent!(label, content));
    expectFiveVersions(records);
    expect(records[0]?.location.file).toBe(label);
  });

  it('reads the versions when the file is named <host>_statuses-<id>-history.json', async () => {
    const named = join(dir, 'mastodon.social_statuses-108940409155041306-history.json');
    await copyFile(fixture('bigbone_status_edit_history.json'), named);
    const records = await read(named);
    expectFiveVersions(records);
    expect(JSON.parse(itemsOf(records)[4]?.raw.body ?? '{}')).toMatchObject({ status_id: '108940409155041306', position: 4 });
  });

  it('quarantines the file as published: nothing names the status', async () => {
    const records = await read(fixture('bigbone_status_edit_history.json'));
    expect(records.map((r) => r.kind)).toEqual(['quarantine']);
    expect(quarantinesOf(records)[0]?.reason).toBe(
      'edit history without the status id: StatusEdit objects do not carry it; name the file statuses-<id>-history.json',
    );
  });

  it('quarantines an id without an instance (the fixture accounts have no URL to learn it from)', async () => {
    const named = join(dir, 'statuses-108940409155041306-history.json');
    await copyFile(fixture('bigbone_status_edit_history.json'), named);
    const [only, ...rest] = await read(named);
    expect(rest).toEqual([]);
    expect(only?.kind === 'quarantine' && only.reason).toMatch(/^edit history of status 108940409155041306, but nothing says which instance/);
  });
});

describe('bigbone_status_after_deleting.json (DELETE response: text, no content)', () => {
  it('yields a capture of the returned text and a deletion of the same status', async () => {
    const file = fixture('bigbone_status_after_deleting.json');
    const records = await read(file);
    expect(records.map((r) => r.kind)).toEqual(['item', 'deletion']);
    const [item] = itemsOf(records);
    expect(item?.platformItemId).toBe('test uri');
    expect(item?.content.text).toBe('status text after deletion');
    expect(item?.content.language).toBe('en');
    expect(item?.content.media.map((m) => m.altText)).toEqual(['test media description']);
    // No uri, url or host for account "foo": the weakest actor id there is.
    expect(item?.author).toEqual({ platformActorId: 'acct:foo', handle: 'foo', displayName: 'foo bar baz' });
    expect(deletionsOf(records)).toEqual([
      { platform: 'mastodon', platformItemId: 'test uri', detectedAt: (await stat(file)).mtime, method: 'mastodon-api:delete', platformDeletedAt: null },
    ]);
  });
});

describe('bigbone_status_with_previewcard.json', () => {
  it('keeps paragraphs, the full link text, the link and the card URL', async () => {
    const [item, ...rest] = itemsOf(await read(fixture('bigbone_status_with_previewcard.json')));
    expect(rest).toEqual([]);
    expect(item?.platformItemId).toBe('https://fosstodon.org/users/jaxwxboss/statuses/111337272989523541');
    expect(item?.url).toBe('https://fosstodon.org/@jaxwxboss/111337272989523541');
    const paragraphs = item?.content.text.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs?.[0]).toBe('Just a hot take.');
    expect(paragraphs?.[1]).toMatch(/^No matter how 'advanced' governments/); // &#39; decoded
    // The invisible "https://" and the hidden tail are part of what was written.
    expect(paragraphs?.[3]).toBe('https://youtu.be/X_TLztvV4ns?si=uGz-23iyZs0yoe5r');
    expect(item?.content.links).toEqual([
      'https://youtu.be/X_TLztvV4ns?si=uGz-23iyZs0yoe5r',
      'https://www.youtube.com/watch?si=uGz-23iyZs0yoe5r&v=X_TLztvV4ns&feature=youtu.be',
    ]);
    expect(item?.edit).toBeNull(); // edited_at: null
    expect(item?.author.handle).toBe('jaxwxboss@fosstodon.org');
  });
});

describe('bigbone_public_timeline.json (20 statuses of a 2017 federated timeline)', () => {
  it('yields 20 posts, each its own conversation root', async () => {
    const records = await read(fixture('bigbone_public_timeline.json'));
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    expect(items).toHaveLength(20);
    expect(countKinds(items)).toEqual({ post: 20 });
    expect(new Set(items.map((i) => i.platformItemId)).size).toBe(20);
    expect(items.every((i) => i.conversationPlatformId === i.platformItemId)).toBe(true);
  });

  it('tells the 11 local mstdn.jp authors from the 9 remote ones', async () => {
    const items = itemsOf(await read(fixture('bigbone_public_timeline.json')));
    const local = items.filter((i) => i.author.platformActorId.startsWith('https://mstdn.jp/users/'));
    expect(local).toHaveLength(11);
    expect(local.every((i) => i.author.handle?.endsWith('@mstdn.jp'))).toBe(true);
    expect(items.find((i) => i.platformItemId.includes('objectId=625276'))?.content.text).toBe(
      'JP管理人さん大変だなぁ。以下引用\n【お知らせ】mstdn.jpをさくらのクラウドへ移転します．それに伴ってデータが消える可能性があるので，重要なトゥートやフォロー関係はあらかじめメモやエクスポートをしておいてください',
    );
    expect(items.flatMap((i) => i.content.links)).toHaveLength(1);
  });
});

describe('tootsdk_post_edited.json (an edited status on its own)', () => {
  it('is one capture with editedAt set and no position', async () => {
    const [item, ...rest] = itemsOf(await read(fixture('tootsdk_post_edited.json')));
    expect(rest).toEqual([]);
    expect(item?.createdAt.toISOString()).toBe('2024-04-19T22:14:48.415Z');
    expect(item?.edit).toEqual({ platformVersionId: null, editedAt: new Date('2024-04-19T22:15:22.000Z'), position: null });
    expect(item?.content.text).toBe('listening to #UB40\n\nhttps://example.com/albums/8513');
    expect(item?.content.hashtags).toEqual(['ub40']);
    expect(item?.content.links).toEqual(['https://example.com/albums/8513']);
  });

  it('re-reads to identical records (raw is deterministic)', async () => {
    const first = await read(fixture('tootsdk_post_edited.json'));
    expect(await read(fixture('tootsdk_post_edited.json'))).toEqual(first);
  });
});
