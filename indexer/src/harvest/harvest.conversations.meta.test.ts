import fs from 'node:fs';
import { ActorEntity, ItemEntity, type AccountEntity } from '@bewaard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArchiveContext } from '../pipeline/archive-context.js';
import { fixture } from '../testing/fixtures.js';
import { harvest } from './harvest.js';
import { credentialsFor, declareOrgAccount, openHarvestArchive, type HarvestArchive } from './testing/harvest-archive.js';
import { FakeClock } from './http/clock.js';
import { ReplayServer, type ReplayResponse } from './testing/replay-server.js';

type Json = Record<string, unknown>;
type GraphPage = { data: Json[]; paging?: Json; summary?: Json };
const read = (name: string) => JSON.parse(fs.readFileSync(fixture('meta-graph-api', name), 'utf8')) as GraphPage;
const GRAPH = 'https://graph.facebook.com/v21.0';

const PAGE = '19292868552';
const POST_LOCAL = '10158407654328553';
const POST = `${PAGE}_${POST_LOCAL}`; // the post the recorded comments page belongs to

/** A recorded comment as another comment of the same post: its permalink (where the id comes from) names a new id. */
function renumbered(comment: Json, commentId: string, message: string): Json {
  return { ...comment, message, permalink_url: `https://www.facebook.com/${PAGE}/posts/${POST_LOCAL}/?comment_id=${commentId}` };
}

/**
 * A Facebook page whose newest post has three pages of comments. Page 1 is the recorded
 * `/{object}/comments` page (10 comments without `id`, as the API gives them to apps without the
 * MODERATE task; 4 are replies, told by `reply_comment_id`), inlined in the recorded feed's first
 * post, whose id is set to the post those comments belong to. Pages 2 and 3 are built from recorded
 * comments with new comment ids; one comment on page 2 has more replies than its first page, the
 * rest of which is one reply by the page itself (built from the page's recorded answer, with the
 * `from` the page's token would see). The recorded total_count (18) counted replies too
 * (filter=stream); the harvest asks for top-level comments, whose count is the 14 built here.
 */
function facebookPages() {
  const feed = read('page_feed_p1.json');
  const recorded = read('object_comments_p1.json');
  const [c1, c2, c3, c4, c5, , , , c9] = recorded.data;
  const threaded = `${POST_LOCAL}_9100000000000002`;
  const page2: GraphPage = {
    data: [
      renumbered(c1!, '9100000000000001', 'Hoe meld ik een wijziging?'),
      {
        ...renumbered(c2!, '9100000000000002', 'Mijn aanvraag is nog niet behandeld.'),
        comments: {
          data: [{ ...c9!, permalink_url: `https://www.facebook.com/${PAGE}/posts/${POST_LOCAL}/?comment_id=9100000000000002&reply_comment_id=9100000000000012` }],
          paging: { cursors: { before: 'rb1', after: 'r1' }, next: `${GRAPH}/${threaded}/comments?limit=1&after=r1` },
        },
      },
      renumbered(c3!, '9100000000000003', 'Waar vind ik het formulier?'),
      renumbered(c4!, '9100000000000004', 'Bedankt voor de informatie.'),
    ],
    paging: { cursors: { before: 'b2', after: 'after2' }, next: `${GRAPH}/${POST}/comments?limit=100&after=after2` },
  };
  const page3: GraphPage = {
    data: [
      renumbered(c1!, '9100000000000005', 'Geldt dit ook voor gemeenten?'),
      renumbered(c2!, '9100000000000006', 'Wanneer komt er meer duidelijkheid?'),
      renumbered(c5!, '9100000000000007', 'Goed nieuws.'),
      renumbered(c9!, '9100000000000008', 'Graag een reactie.'),
    ],
    paging: { cursors: { before: 'b3', after: 'after3' }, previous: `${GRAPH}/${POST}/comments?limit=100&before=b3` },
  };
  const pageAnswer = recorded.data[5]!;
  const replies: GraphPage = {
    data: [
      {
        ...pageAnswer,
        from: { id: PAGE, name: 'Facebook for Developers' },
        parent: { id: threaded },
        permalink_url: `https://www.facebook.com/${PAGE}/posts/${POST_LOCAL}/?comment_id=9100000000000002&reply_comment_id=9100000000000013`,
      },
    ],
    paging: { cursors: { before: 'rb2', after: 'r2' }, previous: `${GRAPH}/${threaded}/comments?limit=100&before=rb2` },
  };
  const post = { ...feed.data[0]!, id: POST, permalink_url: `https://www.facebook.com/${PAGE}/posts/${POST_LOCAL}/`, comments: { ...recorded, summary: { ...recorded.summary, total_count: 14 } } };
  const posts: GraphPage = { data: [post], paging: { cursors: { before: 'b1', after: 'a1' }, previous: `${GRAPH}/${PAGE}/published_posts?limit=25&before=b1` } };
  return { posts, page2, page3, replies, threaded };
}

describe('harvest: Meta Graph comment pages', () => {
  let archive: HarvestArchive;
  let ctx: ArchiveContext;
  let server: ReplayServer;
  const clock = new FakeClock(Date.parse('2025-01-01T00:00:00Z'));

  beforeEach(async () => {
    archive = await openHarvestArchive();
    ctx = archive.ctx;
  });
  afterEach(async () => {
    await server.stop();
    await archive.close();
  });

  const declare = (platform: 'facebook' | 'instagram', id: string, handle: string): Promise<AccountEntity> =>
    declareOrgAccount(ctx, { platform, platformAccountId: id, handle });
  const run = async (account: AccountEntity) => {
    const credentials = credentialsFor(account, { baseUrl: server.baseUrl, token: 'page-token' });
    return (await harvest(ctx, { credentials, clock })).accounts[0]!;
  };
  const items = async () => new Map((await ctx.ds.getRepository(ItemEntity).find()).map((i) => [i.platformItemId, i]));
  const notFound: ReplayResponse = { status: 404, body: '{"error":{"message":"unknown path","type":"OAuthException","code":803,"fbtrace_id":"x"}}' };

  it('Facebook: follows a post\'s comments by the after cursor to the last page, and a comment\'s replies beyond their first page', async () => {
    const fb = facebookPages();
    server = await new ReplayServer((url): ReplayResponse => {
      const after = url.searchParams.get('after');
      if (url.pathname === `/${PAGE}/published_posts`) return { body: JSON.stringify(fb.posts) };
      if (url.pathname === `/${POST}/comments` && after === 'after') return { body: JSON.stringify(fb.page2) };
      if (url.pathname === `/${POST}/comments` && after === 'after2') return { body: JSON.stringify(fb.page3) };
      if (url.pathname === `/${fb.threaded}/comments` && after === 'r1') return { body: JSON.stringify(fb.replies) };
      return notFound;
    }).start();
    const account = await declare('facebook', PAGE, 'FacebookforDevelopers');

    const report = await run(account);
    expect(report).toMatchObject({ error: null, pages: 1 });
    expect(server.paths().map((p) => `${p.split('?')[0]} after=${new URLSearchParams(p.split('?')[1]).get('after')}`)).toEqual([
      `/${PAGE}/published_posts after=null`,
      `/${POST}/comments after=after`,
      `/${fb.threaded}/comments after=r1`,
      `/${POST}/comments after=after2`,
    ]);
    const commentPage = server.requests[1]!.url.searchParams;
    expect(commentPage.get('limit')).toBe('100');
    expect(commentPage.get('fields')).toContain('permalink_url,parent{id}');
    expect(server.requests[0]!.url.searchParams.get('fields')).toContain('comments.limit(100).summary(true){');

    const archive = await items();
    // The post, 10 + 5 + 4 comments and replies, and the page's reply from the replies page.
    expect(archive.size).toBe(21);
    const comments = [...archive.values()].filter((i) => i.platformItemId !== POST);
    expect(comments.every((i) => i.conversationPlatformId === POST)).toBe(true);
    const answer = archive.get(`${POST_LOCAL}_9100000000000013`)!;
    expect(answer).toMatchObject({ inReplyToPlatformId: fb.threaded, accountId: account.id });
    expect(archive.get(`${POST_LOCAL}_9100000000000012`)).toMatchObject({ inReplyToPlatformId: fb.threaded, accountId: null });
    expect(archive.get(`${POST_LOCAL}_9100000000000008`)).toMatchObject({ inReplyToPlatformId: POST, accountId: null });
    // A commenter the API does not name is an actor of its own, never an account.
    const commenter = await ctx.ds.getRepository(ActorEntity).findOneByOrFail({ id: archive.get(`${POST_LOCAL}_9100000000000008`)!.authorId });
    expect(commenter).toMatchObject({ platformActorId: `unknown:${POST_LOCAL}_9100000000000008`, accountId: null });

    expect(report.completeness.conversations).toMatchObject({ postsCounted: 1, repliesReported: 14, repliesArchived: 14, threadsRead: 2, threadPages: 3, failures: [] });

    // The newest page is read again on every run, and with it its cut comment lists: nothing is stored twice.
    const again = await run(account);
    expect(again).toMatchObject({ error: null, counts: { newItems: 0, newVersions: 0 } });
    expect((await items()).size).toBe(21);
  });

  it('Instagram: pages a media\'s comments and a comment\'s replies (/replies); everything in the media\'s conversation', async () => {
    const igUser = '17841406338772941';
    const recorded = read('instagram_user_medias_p2.json');
    const media = recorded.data[0]!;
    const mediaId = String(media.id);
    // No Instagram comment was recorded: these are built in the shape of the Graph reference.
    const comment = (id: string, text: string, extra: Json = {}) => ({ id, text, timestamp: '2021-07-26T12:00:00+0000', username: 'burger', ...extra });
    const first = {
      ...media,
      comments_count: 4,
      comments: {
        data: [comment('17900000000000001', 'Mooi!', { replies: { data: [comment('17900000000000011', 'Inderdaad')], paging: { cursors: { after: 'ir1' }, next: `${GRAPH}/17900000000000001/replies?after=ir1` } } })],
        paging: { cursors: { after: 'ic1' }, next: `${GRAPH}/${mediaId}/comments?after=ic1` },
      },
    };
    server = await new ReplayServer((url): ReplayResponse => {
      const after = url.searchParams.get('after');
      if (url.pathname === `/${igUser}`) return { body: JSON.stringify({ id: igUser, username: 'example', media_count: 1 }) };
      if (url.pathname === `/${igUser}/media`) return { body: JSON.stringify({ data: [first], paging: { cursors: { after: 'm1' }, previous: `${GRAPH}/${igUser}/media?before=m0` } }) };
      if (url.pathname === `/${mediaId}/comments` && after === 'ic1') return { body: JSON.stringify({ data: [comment('17900000000000002', 'Waar is dit?', { media: { id: mediaId } })], paging: { cursors: { after: 'ic2' } } }) };
      if (url.pathname === '/17900000000000001/replies' && after === 'ir1') {
        return { body: JSON.stringify({ data: [comment('17900000000000012', 'Dank u!', { media: { id: mediaId }, parent_id: '17900000000000001', from: { id: igUser, username: 'example' } })], paging: { cursors: { after: 'ir2' } } }) };
      }
      return notFound;
    }).start();
    const account = await declare('instagram', igUser, 'example');

    const report = await run(account);
    expect(report).toMatchObject({ error: null, pages: 1 });
    expect(server.paths().map((p) => p.split('?')[0])).toEqual([`/${igUser}`, `/${igUser}/media`, `/${mediaId}/comments`, '/17900000000000001/replies']);
    expect(server.requests[3]!.url.searchParams.get('fields')).toContain('media{id}');
    const archive = await items();
    expect(archive.size).toBe(5);
    for (const id of ['17900000000000001', '17900000000000002', '17900000000000011', '17900000000000012']) {
      expect(archive.get(id)!.conversationPlatformId).toBe(mediaId);
    }
    expect(archive.get('17900000000000012')).toMatchObject({ inReplyToPlatformId: '17900000000000001', accountId: account.id });
    expect(archive.get('17900000000000002')).toMatchObject({ inReplyToPlatformId: mediaId, accountId: null });
    // Instagram counts every comment on the media, replies included.
    expect(report.completeness.conversations).toMatchObject({ postsCounted: 1, repliesReported: 4, repliesArchived: 4, threadsRead: 2 });
  });
});
