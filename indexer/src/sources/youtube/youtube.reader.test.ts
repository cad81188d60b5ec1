import type { NormalisedItem } from '@bewaard/schema';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { incompleteReplyThreads, youtubeDataApiSource } from './youtube.reader.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Real YouTube Data API v3 responses (sns-sdks/python-youtube test data); see SOURCES.md. */
const fixture = (name: string): string => sharedFixture('youtube-data-api-v3', name);

async function read(name: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of youtubeDataApiSource.read(fixture(name))) records.push(record);
  return records;
}
const items = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
const VIDEO = 'F1UP7wRCPH8';

describe('youtube-data-api on videos_list_multi.json (2 videos)', () => {
  it('emits both videos with title, title + description as text, channel and watch URL', async () => {
    const records = await read('videos_list_multi.json');
    expect(records.map((r) => r.kind)).toEqual(['item', 'item']);
    const [actions, nfl] = items(records);
    expect(actions).toMatchObject({
      platform: 'youtube',
      kind: 'video',
      platformItemId: 'D-lhorsDlUQ',
      url: 'https://www.youtube.com/watch?v=D-lhorsDlUQ',
      createdAt: new Date('2019-03-21T20:37:49.000Z'),
      author: { platformActorId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw', handle: null, displayName: 'Google Developers' },
      conversationPlatformId: 'D-lhorsDlUQ',
      edit: null,
    });
    expect(actions?.content.title).toBe('What are Actions on Google (Assistant on Air)');
    expect(actions?.content.text).toMatch(/^What are Actions on Google \(Assistant on Air\)\n\nIn the first episode of Assistant on Air, Luke Davis/);
    expect(actions?.content.language).toBe('en');
    expect(actions?.content.links).toEqual(['http://bit.ly/2YabdS5', 'https://goo.gle/2X0nBqG', 'https://bit.ly/googledevs']);
    expect(actions?.content.media.map((m) => m.originalUrl)).toEqual(['https://i.ytimg.com/vi/D-lhorsDlUQ/maxresdefault.jpg']);

    expect(nfl).toMatchObject({ platformItemId: 'ovdbrdCIP7U', author: { platformActorId: 'UCJdl3Paao2f3ha5JXMYUCIA', displayName: 'NFL Throwback' } });
    expect(nfl?.content.language).toBeNull(); // no defaultLanguage, only defaultAudioLanguage
    expect(nfl?.content.hashtags).toEqual(['NFL100', 'NFL', 'NFLThrowback', 'NFLHistory', 'Football', 'AmericanFootball', 'NFLVault']);
    expect(nfl?.content.links).toEqual([]); // "YouTube.com/NFLFilms" has no scheme
    expect(nfl?.content.media.map((m) => m.originalUrl)).toEqual(['https://i.ytimg.com/vi/ovdbrdCIP7U/sddefault.jpg']); // no maxres
    const raw = JSON.parse(nfl?.raw.body ?? '{}') as { kind: string; pageInfo: unknown; items: Array<{ id: string }> };
    expect(raw).toMatchObject({ kind: 'youtube#videoListResponse', pageInfo: { totalResults: 2, resultsPerPage: 2 } });
    expect(raw.items.map((i) => i.id)).toEqual(['ovdbrdCIP7U']);
  });
});

describe('youtube-data-api on commentThreads_by_video_p1.json (5 threads, one with 2 replies not included)', () => {
  it('emits the 5 top-level comments, answering the video, with textOriginal rather than the HTML', async () => {
    const comments = items(await read('commentThreads_by_video_p1.json'));
    expect(comments.map((c) => c.platformItemId)).toEqual([
      'UgyZ1jqkHKYvi1-ruOZ4AaABAg',
      'Ugy4OzAuz5uJuFt3FH54AaABAg',
      'UgysQP-vp089eFP0Stl4AaABAg',
      'UgyKv8ziPYFJDGytM_J4AaABAg',
      'UgwI_ylXVnzPS8Q-oAV4AaABAg',
    ]);
    for (const comment of comments) {
      expect(comment).toMatchObject({ platform: 'youtube', kind: 'comment', conversationPlatformId: VIDEO, inReplyToPlatformId: VIDEO, edit: null });
      expect(comment.url).toBe(`https://www.youtube.com/watch?v=${VIDEO}&lc=${comment.platformItemId}`);
    }
    expect(comments[0]?.content.text).toBe('Google.com'); // textDisplay: <a href="http://google.com/">Google.com</a>
    expect(comments[0]?.author).toEqual({ platformActorId: 'UCzj-CjKYmGlZ7vTL-vOe57A', handle: null, displayName: 'himani agarwal' });
    expect(comments[3]?.content.text).toContain('fordata show\n        settings displayed'); // <br /> in textDisplay
    expect(comments[4]?.content.text).toMatch(/^Lot's of good light/); // &#39; in textDisplay
    expect(comments[4]?.content.hashtags).toEqual(['ChromeDevSummit', 'chromedevsummit']);
    expect(comments[4]?.createdAt).toEqual(new Date('2019-11-14T23:31:33.000Z'));
  });

  it('records repliesIncomplete {expected: 2, present: 0} in that thread and lists it for the harvester', async () => {
    const records = await read('commentThreads_by_video_p1.json');
    const raws = items(records).map((c) => JSON.parse(c.raw.body) as { nextPageToken: string; repliesIncomplete?: unknown });
    expect(raws.map((raw) => raw.repliesIncomplete ?? null)).toEqual([null, null, null, null, { expected: 2, present: 0 }]);
    expect(raws.every((raw) => raw.nextPageToken.startsWith('QURTSl9pMzdZOUVz'))).toBe(true);
    expect(incompleteReplyThreads(records)).toEqual([
      { threadId: 'UgwI_ylXVnzPS8Q-oAV4AaABAg', videoId: VIDEO, expected: 2, present: 0 },
    ]);
  });
});

describe('youtube-data-api on comments_by_parent_p1.json (comments.list?parentId=…, 2 replies)', () => {
  it('emits 2 replies answering their parent; the video is not in this response', async () => {
    const replies = items(await read('comments_by_parent_p1.json'));
    expect(replies.map((r) => [r.platformItemId, r.kind, r.inReplyToPlatformId, r.conversationPlatformId, r.url, r.content.text])).toEqual([
      ['Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za6voUoRh', 'reply', 'Ugw5zYU6n9pmIgAZWvN4AaABAg', null, null, 'this is the third reply!'],
      ['Ugw5zYU6n9pmIgAZWvN4AaABAg.91zT3cYb5B291za5eJxzs1', 'reply', 'Ugw5zYU6n9pmIgAZWvN4AaABAg', null, null, 'this is the second reply!'],
    ]);
    expect(replies[0]?.author).toEqual({ platformActorId: 'UCNvMBmCASzTNNX8lW3JRMbw', handle: null, displayName: 'kun liu' });
    expect((JSON.parse(replies[1]?.raw.body ?? '{}') as { nextPageToken: string }).nextPageToken).toMatch(/^R0FJeVZnbzBJ/);
  });
});
