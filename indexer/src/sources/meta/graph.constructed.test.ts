import { describe, expect, it } from 'vitest';
import { constructedInput, itemsOf, reasonsOf } from '../../testing/constructed-input.js';
import type { SourceRecord } from '../source.js';
import { metaGraphSource } from './graph.reader.js';

/** Constructed Graph API responses for what the real fixtures do not show, and hostile input. */

const { read, inputPath } = constructedInput(metaGraphSource, 'meta-graph');
const items = itemsOf;
const reasons = reasonsOf;
const page = { id: '111', name: 'Ministerie van Voorbeelden' };

const feed = {
  data: [
    {
      id: '111_201',
      created_time: '2024-03-01T09:00:00+0000',
      message: 'Nieuwe regels per 1 april #zorg https://www.rijksoverheid.nl/x.',
      from: page,
      comments: {
        data: [
          {
            id: '201_301',
            created_time: '2024-03-01T10:00:00+0000',
            message: 'Waarom pas nu?',
            from: { id: '999', name: 'Burger' },
            comments: {
              data: [{ id: '201_302', created_time: '2024-03-01T11:00:00+0000', message: 'Omdat de wet toen ingaat.', from: page }],
            },
          },
          { id: '201_303', created_time: '2024-03-01T12:00:00+0000', message: 'Zonder toestemming' },
        ],
        paging: { cursors: { before: 'QVFI', after: 'QVFJ' } },
      },
    },
    { id: '111_202', created_time: '2024-03-02T09:00:00+0000', parent_id: '555_777', from: page },
  ],
  paging: { cursors: { before: 'b1', after: 'a1' }, next: 'https://graph.facebook.com/v19.0/111/feed?after=a1' },
};

describe('meta-graph on constructed pages', () => {
  it('reads inline comments and nested replies: the post is the conversation, the parent what they answer', async () => {
    const all = items(await read('feed.json', JSON.stringify(feed, null, 2)));
    expect(all.map((i) => [i.platformItemId, i.kind, i.inReplyToPlatformId, i.conversationPlatformId])).toEqual([
      ['111_201', 'post', null, '111_201'],
      ['201_301', 'comment', '111_201', '111_201'],
      ['201_302', 'comment', '201_301', '111_201'],
      ['201_303', 'comment', '111_201', '111_201'],
      ['111_202', 'repost', null, '111_202'],
    ]);
    expect(all[0]?.author).toEqual({ platformActorId: '111', handle: null, displayName: 'Ministerie van Voorbeelden' });
    expect(all[0]?.content).toMatchObject({ hashtags: ['zorg'], links: ['https://www.rijksoverheid.nl/x'] });
    expect(all[2]?.author.displayName).toBe('Ministerie van Voorbeelden'); // the organisation's answer
    expect(all[3]?.author).toEqual({ platformActorId: 'unknown:201_303', handle: null, displayName: null });
    expect(all[4]?.repostOfPlatformId).toBe('555_777');
    const raw = JSON.parse(all[1]?.raw.body ?? '{}') as { paging: { cursors: { after: string } } };
    expect(raw.paging.cursors.after).toBe('QVFJ'); // the comments edge's own cursors
  });

  it('attributes posts without `from` to the page only on the /posts edge, which holds nothing else', async () => {
    const posts = { data: [{ id: '111_203', created_time: '2024-03-03T09:00:00+0000', message: 'x' }], paging: { next: 'https://graph.facebook.com/v19.0/111/published_posts?after=z' } };
    expect(items(await read('posts.json', JSON.stringify(posts)))[0]?.author.platformActorId).toBe('111');
  });

  it('reads Instagram media with inline comments and replies, and an IG comments page', async () => {
    const media = {
      data: [
        {
          id: '17900000000000001', caption: 'Samen sterk @rijksoverheid #nl', media_type: 'IMAGE', timestamp: '2024-05-01T08:00:00+0000',
          media_url: 'https://scontent.cdninstagram.com/p.jpg', permalink: 'https://www.instagram.com/p/ABC/', username: 'ministerie', owner: { id: '17841400000000001' },
          comments: { data: [{ id: '17800000000000001', text: 'Mooi!', timestamp: '2024-05-01T09:00:00+0000', username: 'burger',
            replies: { data: [{ id: '17800000000000002', text: 'Dank je', timestamp: '2024-05-01T10:00:00+0000', from: { id: '17841400000000001', username: 'ministerie' } }] } }] },
        },
      ],
    };
    const all = items(await read('ig.json', JSON.stringify(media)));
    expect(all.map((i) => [i.platform, i.platformItemId, i.kind, i.inReplyToPlatformId, i.author.platformActorId, i.author.handle])).toEqual([
      ['instagram', '17900000000000001', 'post', null, '17841400000000001', 'ministerie'],
      ['instagram', '17800000000000001', 'comment', '17900000000000001', 'unknown:17800000000000001', 'burger'],
      ['instagram', '17800000000000002', 'comment', '17800000000000001', '17841400000000001', 'ministerie'],
    ]);
    expect(all[0]?.content).toMatchObject({ mentions: ['rijksoverheid'], hashtags: ['nl'] });

    const comments = { data: [{ id: '17800000000000003', text: 'Vraag', timestamp: '2024-05-02T08:00:00+0000', username: 'x' }] };
    const label = 'h.warc#1 https://graph.facebook.com/v19.0/17900000000000001/comments';
    const fromWarc: SourceRecord[] = [];
    for await (const r of metaGraphSource.readContent?.(label, JSON.stringify(comments)) ?? []) fromWarc.push(r);
    expect(items(fromWarc)[0]).toMatchObject({ platform: 'instagram', conversationPlatformId: '17900000000000001', inReplyToPlatformId: '17900000000000001' });
  });

  it('quarantines an object with a numeric id or bad time, naming the path, and keeps its neighbours', async () => {
    const text = '{"data": [{"id": 111204, "created_time": "2024-03-01T09:00:00+0000"}, {"id": "111_205", "created_time": "gisteren"}, {"id": "111_206", "created_time": "2024-03-01T09:00:00+0000"}], "paging": {}}';
    const records = await read('bad-ids.json', text);
    expect(records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind))).toEqual([
      expect.stringMatching(/^data\[0\]\.id is the number 111204, not a string/),
      'data[1].created_time is not a timestamp: "gisteren"',
      'item',
    ]);
  });

  it('quarantines a Graph API error response, invalid JSON and unknown JSON, naming the file', async () => {
    const error = await read('error.json', '{"error": {"message": "Invalid OAuth access token.", "type": "OAuthException", "code": 190, "fbtrace_id": "AbC"}}');
    expect(reasons(error)).toEqual(['the Graph API answered with an error instead of data (OAuthException: Invalid OAuth access token.)']);
    const broken = await read('broken.json', '{"data": [{"id": "1_2", "created_');
    expect(reasons(broken)).toEqual([expect.stringMatching(/^invalid JSON \(/)]);
    expect(broken[0]?.location).toEqual({ file: inputPath('broken.json'), line: null, offset: null });
    expect(reasons(await read('other.json', '{"statuses": []}'))).toEqual([
      'JSON object with keys statuses is not a Graph API list response ({"data": [...], "paging": ...})',
    ]);
  });

  it('detects Graph responses, also pretty-printed and cut off, and nothing else with a data list', () => {
    const detect = (text: string): boolean => metaGraphSource.detect('x.json', text);
    expect(detect(JSON.stringify(feed))).toBe(true);
    expect(detect(JSON.stringify(feed, null, 2).slice(0, 300))).toBe(true); // longer than the head
    expect(detect('{"data": [], "paging": {"cursors": {"before": "a", "after": "b"}}}')).toBe(true); // empty last page
    expect(detect('{"error": {"message": "x", "type": "OAuthException", "code": 190, "fbtrace_id": "A"}}')).toBe(true);
    // X API v2 pages (twarc2) also have a data list.
    expect(detect('{"data": [{"id": "1", "text": "x", "author_id": "2", "created_at": "2022-01-01T00:00:00.000Z"}], "includes": {}}')).toBe(false);
    expect(detect('{"data": [{"id": "1", "text": "x", "author_id": "2", "created_at": "2022-01-01T00:00:00.000Z"}, {"id": "2"')).toBe(false);
    expect(detect('{"data": [], "meta": {"result_count": 0}}')).toBe(false);
    expect(detect('{"statuses": []}')).toBe(false);
    expect(detect('{"data": [{"name": "a list of something else"}]}')).toBe(false);
  });

  it('reads JSON Lines of responses, quarantining a cut-off last line with its line number', async () => {
    const line1 = JSON.stringify({ data: [{ id: '111_207', created_time: '2024-03-01T09:00:00+0000' }], paging: {} });
    const records = await read('pages.jsonl', `${line1}\n${line1.replace('207', '208')}\n{"data": [{"id"`);
    expect(records.map((r) => [r.kind, r.location.line, r.location.offset])).toEqual([
      ['item', 1, 0],
      ['item', 2, Buffer.byteLength(line1) + 1],
      ['quarantine', 3, 2 * (Buffer.byteLength(line1) + 1)],
    ]);
    expect(reasons(records)[0]).toMatch(/^invalid JSON in the last line, which has no final newline/);
  });
});
