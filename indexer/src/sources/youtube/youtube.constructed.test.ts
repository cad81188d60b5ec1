import { describe, expect, it } from 'vitest';
import { constructedInput, itemsOf, reasonsOf } from '../../testing/constructed-input.js';
import { htmlToText } from './youtube.normaliser.js';
import { incompleteReplyThreads, youtubeDataApiSource } from './youtube.reader.js';

/** Constructed responses for partial reply threads, edits, handles and hostile input. */

const { read, inputPath } = constructedInput(youtubeDataApiSource, 'youtube');
const items = itemsOf;
const reasons = reasonsOf;

const VIDEO = 'abcdefghijk';
function comment(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'youtube#comment',
    id,
    snippet: {
      videoId: VIDEO,
      authorDisplayName: '@rijksoverheid',
      authorChannelUrl: 'http://www.youtube.com/@rijksoverheid',
      authorChannelId: { value: 'UCaaaaaaaaaaaaaaaaaaaaaa' },
      textDisplay: `tekst ${id}`,
      textOriginal: `tekst ${id}`,
      publishedAt: '2024-01-01T10:00:00Z',
      updatedAt: '2024-01-01T10:00:00Z',
      ...extra,
    },
  };
}
const threads = (items: unknown[]): string => JSON.stringify({ kind: 'youtube#commentThreadListResponse', nextPageToken: 'NEXT', items });

describe('youtube-data-api on constructed thread pages', () => {
  it('emits the replies that are there, and flags the thread whose other replies must be fetched', async () => {
    const partial = {
      kind: 'youtube#commentThread',
      id: 'UgxTOP',
      snippet: { videoId: VIDEO, topLevelComment: comment('UgxTOP'), totalReplyCount: 3 },
      replies: { comments: [comment('UgxTOP.r1', { parentId: 'UgxTOP' })] },
    };
    const complete = {
      kind: 'youtube#commentThread',
      id: 'UgxALL',
      snippet: { videoId: VIDEO, topLevelComment: comment('UgxALL'), totalReplyCount: 1 },
      replies: { comments: [comment('UgxALL.r1', { parentId: 'UgxALL' })] },
    };
    const records = await read('threads.json', threads([partial, complete]));
    expect(items(records).map((i) => [i.platformItemId, i.kind, i.inReplyToPlatformId, i.conversationPlatformId])).toEqual([
      ['UgxTOP', 'comment', VIDEO, VIDEO],
      ['UgxTOP.r1', 'reply', 'UgxTOP', VIDEO],
      ['UgxALL', 'comment', VIDEO, VIDEO],
      ['UgxALL.r1', 'reply', 'UgxALL', VIDEO],
    ]);
    expect(reasons(records)).toEqual([]); // incompleteness is a signal, not bad input
    expect(incompleteReplyThreads(records)).toEqual([{ threadId: 'UgxTOP', videoId: VIDEO, expected: 3, present: 1 }]);
    const replyRaw = JSON.parse(items(records)[1]?.raw.body ?? '{}') as { threadId: string; nextPageToken: string };
    expect(replyRaw).toMatchObject({ threadId: 'UgxTOP', nextPageToken: 'NEXT' });

    // Once the thread is captured complete, it is no longer listed.
    const later = await read('later.json', threads([{ ...partial, snippet: { ...partial.snippet, totalReplyCount: 1 } }]));
    expect(incompleteReplyThreads([...records, ...later])).toEqual([]);
  });

  it('marks an edited comment with updatedAt, and reads @handles', async () => {
    const edited = comment('UgxEDIT', { updatedAt: '2024-01-02T08:30:00Z' });
    const [item] = items(await read('edited.json', JSON.stringify({ kind: 'youtube#commentListResponse', items: [edited] })));
    expect(item?.edit).toEqual({ platformVersionId: null, editedAt: new Date('2024-01-02T08:30:00Z'), position: null });
    expect(item?.createdAt).toEqual(new Date('2024-01-01T10:00:00Z'));
    expect(item?.author).toEqual({ platformActorId: 'UCaaaaaaaaaaaaaaaaaaaaaa', handle: 'rijksoverheid', displayName: '@rijksoverheid' });
  });

  it('falls back to textDisplay without its HTML, and to unknown:<id> for a channel-less author', async () => {
    const bare = comment('UgxHTML', { textOriginal: undefined, authorChannelId: undefined, textDisplay: 'Zie <a href="https://x.nl">x.nl</a><br>&quot;ok&quot; &amp; d&#39;accord' });
    const [item] = items(await read('html.json', JSON.stringify({ kind: 'youtube#commentListResponse', items: [bare] })));
    expect(item?.content.text).toBe('Zie x.nl\n"ok" & d\'accord');
    expect(item?.author.platformActorId).toBe('unknown:UgxHTML');
    expect(htmlToText('&#99999999; &#x1F600; &bogus;')).toBe('&#99999999; 😀 &bogus;');
  });

  it('quarantines a bad resource with its path and keeps the rest of the page', async () => {
    const page = { kind: 'youtube#videoListResponse', items: [
      { kind: 'youtube#video', id: 12345678901, snippet: {} },
      { kind: 'youtube#video', id: 'abcdefghijk' },
      'garbage',
      { kind: 'youtube#video', id: 'abcdefghij2', snippet: { title: 'T', description: '', channelId: 'UCx', publishedAt: '2024-01-01T00:00:00Z' } },
    ] };
    const records = await read('videos.json', JSON.stringify(page));
    expect(records.map((r) => (r.kind === 'quarantine' ? r.reason : r.kind))).toEqual([
      expect.stringMatching(/^items\[0\]\.id is the number 12345678901, not a string/),
      'items[1] has no snippet (request part=snippet)',
      'items[2] is not a JSON object',
      'item',
    ]);
    expect(items(records)[0]?.content.text).toBe('T'); // no description: the title alone
  });

  it('quarantines an API error, invalid JSON and other JSON, naming the file; detection stays strict', async () => {
    const error = '{"error": {"code": 403, "message": "The request cannot be completed because you have exceeded your quota.", "errors": [{"domain": "youtube.quota", "reason": "quotaExceeded"}]}}';
    expect(reasons(await read('error.json', error))).toEqual([
      'the YouTube Data API answered with an error instead of data (The request cannot be completed because you have exceeded your quota.)',
    ]);
    const broken = await read('broken.json', '{"kind": "youtube#videoListResponse", "items": [');
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ kind: 'quarantine', location: { file: inputPath('broken.json'), line: null, offset: null } });
    expect(reasons(broken)[0]).toMatch(/^invalid JSON/);
    expect(reasons(await read('search.json', '{"kind": "youtube#searchListResponse", "items": []}'))).toEqual([
      'JSON object with keys kind, items is not a videos.list, commentThreads.list or comments.list response',
    ]);
    expect(youtubeDataApiSource.detect('x.json', error)).toBe(true);
    expect(youtubeDataApiSource.detect('x.json', '{"kind": "youtube#searchListResponse", "items": []}')).toBe(false);
    expect(youtubeDataApiSource.detect('x.json', '{"kind": "youtube#commentThreadListResponse", "etag": "x", "items": [{"kind"')).toBe(true);
    expect(youtubeDataApiSource.detect('x.json', '{"error": {"code": 400, "message": "bad", "errors": [{"domain": "global"}]}}')).toBe(false);
  });
});
