import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { collect, countKinds, itemsOf, quarantinesOf, readAll } from '../mastodon/test-helpers.js';
import { blueskyApiSource } from './bluesky-api.source.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Real AppView responses (bskyr mock files); see shared/fixtures/real/SOURCES.md. */
const fixture = (name: string): string => sharedFixture('bluesky-api', name);

const CHRIS = 'did:plc:wpe35pganb6d4pg4ekmfy6u5';
const HANSI = 'did:plc:eijqdygh72wuei7faamrclpc';
const CENSUS = `at://${HANSI}/app.bsky.feed.post/3kau6tviybe2w`;
const REPLY = `at://${CHRIS}/app.bsky.feed.post/3kasvzedyyu2r`;
const TEST_POST = `at://${CHRIS}/app.bsky.feed.post/3kasvrt6b372y`;

describe('app.bsky.feed.getAuthorFeed.json (3 entries: a repost, a reply, a post)', () => {
  it('yields the reposted post, the repost, the reply and the post, each once', async () => {
    const records = await readAll(blueskyApiSource, fixture('app.bsky.feed.getAuthorFeed.json'));
    expect(quarantinesOf(records)).toEqual([]);
    const items = itemsOf(records);
    // The reply's root and parent (both 3kasvrt6b372y) are also feed[2]: one item, not three.
    expect(items.map((i) => i.platformItemId)).toEqual([CENSUS, `${CENSUS}#repost-by-${CHRIS}`, REPLY, TEST_POST]);
    expect(countKinds(items)).toEqual({ post: 2, repost: 1, reply: 1 });
    expect(items.some((i) => i.kind === 'quote')).toBe(false);
  });

  it('attributes the repost to reason.by at reason.indexedAt, pointing at the post', async () => {
    const [, repost] = itemsOf(await readAll(blueskyApiSource, fixture('app.bsky.feed.getAuthorFeed.json')));
    expect(repost).toMatchObject({
      kind: 'repost',
      author: { platformActorId: CHRIS, handle: 'chriskenny.bsky.social', displayName: 'Chris Kenny' },
      repostOfPlatformId: CENSUS,
      url: null,
      conversationPlatformId: null,
    });
    expect(repost?.createdAt.toISOString()).toBe('2023-10-03T17:17:08.578Z');
  });

  it('links the reply to parent and root, and reads every field of the reposted post', async () => {
    const [census, , reply, testPost] = itemsOf(await readAll(blueskyApiSource, fixture('app.bsky.feed.getAuthorFeed.json')));
    expect(reply).toMatchObject({ inReplyToPlatformId: TEST_POST, conversationPlatformId: TEST_POST, url: 'https://bsky.app/profile/chriskenny.bsky.social/post/3kasvzedyyu2r' });
    expect(census?.author).toEqual({ platformActorId: HANSI, handle: 'hansilowang.bsky.social', displayName: 'Hansi Lo Wang (he/him)' });
    expect(census?.content.language).toBe('en');
    // The text shows a shortened link; the facet holds the whole one.
    expect(census?.content.text.endsWith('www.npr.org/2023/10/03/1...')).toBe(true);
    expect(census?.content.links).toEqual(['https://www.npr.org/2023/10/03/1202678747/2020-census-national-academies-panel']);
    expect(census?.conversationPlatformId).toBe(CENSUS);
    // createdAt 2023-10-03T02:49:12.980686Z: microseconds, truncated to the millisecond.
    expect(testPost?.createdAt.toISOString()).toBe('2023-10-03T02:49:12.980Z');
    expect(testPost?.content.language).toBeNull(); // no langs
  });
});

describe('app.bsky.feed.getPostThread.json (one post with an image, no parent, no replies)', () => {
  it('yields the post with its image and facet links', async () => {
    const records = await readAll(blueskyApiSource, fixture('app.bsky.feed.getPostThread.json'));
    const [post, ...rest] = itemsOf(records);
    expect(rest).toEqual([]);
    expect(post).toMatchObject({
      platformItemId: 'at://did:plc:ic6zqvuw5ulmfpjiwnhsr2ns/app.bsky.feed.post/3k7qmjev5lr2s',
      kind: 'post',
      url: 'https://bsky.app/profile/soubhikbarari.bsky.social/post/3k7qmjev5lr2s',
      inReplyToPlatformId: null,
      edit: null,
    });
    expect(post?.createdAt.toISOString()).toBe('2023-09-19T11:32:54.574Z');
    expect(post?.content.links).toEqual(['http://localview.net', 'https://rstats.ai/gov.html']);
    // alt "" is no alt text; the fullsize URL is the one worth keeping.
    expect(post?.content.media).toEqual([
      {
        originalUrl: 'https://av-cdn.bsky.app/img/feed_fullsize/plain/did:plc:ic6zqvuw5ulmfpjiwnhsr2ns/bafkreictkyws7qbruuupes52t6k5o5o5qfggf7pm6urzz7dyty53gzu3h4@jpeg',
        mimeType: 'image/jpeg',
        altText: null,
        bytes: null,
        missingReason: 'not fetched (API capture)',
      },
    ]);
    // This 2023 post has no #tag facets: "#rstats" stays text only.
    expect(post?.content.hashtags).toEqual([]);
  });

  it('reads the same from memory, with the label as location, and identically twice', async () => {
    const content = await readFile(fixture('app.bsky.feed.getPostThread.json'), 'utf8');
    const label = 'harvest.warc.gz#record-7 https://public.api.bsky.app/xrpc/app.bsky.feed.getPostThread';
    const first = await collect(blueskyApiSource.readContent!(label, content));
    expect(first.map((r) => r.location)).toEqual([{ file: label, line: null, offset: null }]);
    expect(await collect(blueskyApiSource.readContent!(label, content))).toEqual(first);
  });
});
