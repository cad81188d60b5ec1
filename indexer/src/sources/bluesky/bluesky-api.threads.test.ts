import { describe, expect, it } from 'vitest';
import { collect, itemsOf, quarantinesOf } from '../mastodon/test-helpers.js';
import { blueskyApiSource } from './bluesky-api.source.js';

/** Constructed AppView payloads for what the fixtures lack: deep threads, placeholders, quotes. */

const DID = 'did:plc:ministerievoorbeeld';
const uri = (rkey: string) => `at://${DID}/app.bsky.feed.post/${rkey}`;
const author = { did: DID, handle: 'minvb.bsky.social', displayName: 'Ministerie van Voorbeelden' };

function postView(rkey: string, record: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $type: 'app.bsky.feed.defs#postView',
    uri: uri(rkey),
    cid: `bafy${rkey}`,
    author,
    record: { $type: 'app.bsky.feed.post', text: `post ${rkey}`, createdAt: '2024-05-01T12:00:00.000Z', langs: ['nl'], ...record },
    indexedAt: '2024-05-01T12:00:01.000Z',
    ...extra,
  };
}
const replyTo = (parent: string, root: string) => ({ reply: { parent: { uri: uri(parent), cid: 'x' }, root: { uri: uri(root), cid: 'x' } } });
const node = (post: unknown, more: Record<string, unknown> = {}) => ({ $type: 'app.bsky.feed.defs#threadViewPost', post, ...more });
const read = (payload: unknown) => collect(blueskyApiSource.readContent!('test.json', JSON.stringify(payload)));

describe('getPostThread trees', () => {
  it('emits ancestors root first, the post, then replies depth first, with parent links', async () => {
    const thread = node(postView('b', replyTo('a', 'a')), {
      parent: node(postView('a')),
      replies: [
        node(postView('c', replyTo('b', 'a')), { replies: [node(postView('d', replyTo('c', 'a')))] }),
        { $type: 'app.bsky.feed.defs#notFoundPost', uri: uri('gone'), notFound: true },
        { $type: 'app.bsky.feed.defs#blockedPost', uri: uri('blocked'), blocked: true, author: { did: 'did:plc:x' } },
      ],
    });
    const records = await read({ thread });
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    expect(items.map((i) => [i.platformItemId, i.kind, i.inReplyToPlatformId, i.conversationPlatformId])).toEqual([
      [uri('a'), 'post', null, uri('a')],
      [uri('b'), 'reply', uri('a'), uri('a')],
      [uri('c'), 'reply', uri('b'), uri('a')],
      [uri('d'), 'reply', uri('c'), uri('a')],
    ]);
  });

  it('keeps only the link to a parent that is not found', async () => {
    const thread = node(postView('b', replyTo('gone', 'gone')), { parent: { $type: 'app.bsky.feed.defs#notFoundPost', uri: uri('gone'), notFound: true } });
    const items = itemsOf(await read({ thread }));
    expect(items.map((i) => [i.platformItemId, i.inReplyToPlatformId])).toEqual([[uri('b'), uri('gone')]]);
  });

  it('yields nothing for a thread that is itself not found', async () => {
    expect(await read({ thread: { $type: 'app.bsky.feed.defs#notFoundPost', uri: uri('x'), notFound: true } })).toEqual([]);
  });
});

describe('quotes, images and facets', () => {
  const quoted = {
    $type: 'app.bsky.embed.record#viewRecord',
    uri: `at://did:plc:burger/app.bsky.feed.post/q1`,
    cid: 'bafyq1',
    author: { did: 'did:plc:burger', handle: 'burger.bsky.social' },
    value: { $type: 'app.bsky.feed.post', text: 'het origineel', createdAt: '2024-04-30T08:00:00+02:00' },
    indexedAt: '2024-04-30T06:00:01Z',
  };

  it('reads a quote (record#view), archives the quoted post, and reads mention, tag and link facets', async () => {
    const text = 'Zie @burger.bsky.social #Inspraak';
    const facets = [
      { index: { byteStart: 4, byteEnd: 23 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:burger' }] },
      { index: { byteStart: 24, byteEnd: 33 }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'Inspraak' }] },
    ];
    const view = postView('q', { text, facets, embed: { $type: 'app.bsky.embed.record', record: { uri: quoted.uri, cid: 'bafyq1' } } }, { embed: { $type: 'app.bsky.embed.record#view', record: quoted } });
    const items = itemsOf(await read(view));
    expect(items.map((i) => [i.kind, i.platformItemId])).toEqual([['quote', uri('q')], ['post', quoted.uri]]);
    expect(items[0]?.quotedPlatformId).toBe(quoted.uri);
    expect(items[0]?.content).toMatchObject({ mentions: ['burger.bsky.social'], hashtags: ['Inspraak'], language: 'nl' });
    // +02:00 offset: 08:00 local is 06:00 UTC.
    expect(items[1]?.createdAt.toISOString()).toBe('2024-04-30T06:00:00.000Z');
    expect(items[1]?.url).toBe('https://bsky.app/profile/burger.bsky.social/post/q1');
  });

  it('reads recordWithMedia: the quote and the images', async () => {
    const embed = {
      $type: 'app.bsky.embed.recordWithMedia#view',
      record: { record: { $type: 'app.bsky.embed.record#viewNotFound', uri: quoted.uri, notFound: true } },
      media: { $type: 'app.bsky.embed.images#view', images: [{ thumb: 'https://cdn.bsky.app/t@jpeg', fullsize: 'https://cdn.bsky.app/f@png', alt: 'Grafiek' }] },
    };
    const items = itemsOf(await read([postView('m', {}, { embed })]));
    // The quoted post is gone (viewNotFound): the link is kept, no item for it.
    expect(items.map((i) => [i.kind, i.quotedPlatformId])).toEqual([['quote', quoted.uri]]);
    expect(items[0]?.content.media).toEqual([{ originalUrl: 'https://cdn.bsky.app/f@png', mimeType: 'image/png', altText: 'Grafiek', bytes: null, missingReason: 'not fetched (API capture)' }]);
  });

  it('falls back to the record embed when the view is not hydrated', async () => {
    const record = { embed: { $type: 'app.bsky.embed.images', images: [{ alt: 'Foto', image: { $type: 'blob', ref: { $link: 'bafkreiabc' }, mimeType: 'image/jpeg', size: 10 } }] } };
    const [item] = itemsOf(await read({ posts: [postView('r', record)] }));
    expect(item?.content.media).toEqual([
      { originalUrl: null, mimeType: 'image/jpeg', altText: 'Foto', bytes: null, missingReason: "the capture has no hydrated view of this image, only blob bafkreiabc; it must be fetched from the author's PDS" },
    ]);
  });

  it('names the web URL by DID when the handle is invalid', async () => {
    const [item] = itemsOf(await read(postView('h', {}, { author: { ...author, handle: 'handle.invalid' } })));
    expect(item?.url).toBe(`https://bsky.app/profile/${DID}/post/h`);
  });
});
