import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json.js';
import { snowflakeTime } from './twarc2.edit-chains.js';
import { InvalidRecordError } from './twarc2.fields.js';
import { mimeTypeFromUrl, normaliseMedia } from './twarc2.media.js';
import { normaliseTweet, type TweetEnvironment } from './twarc2.normaliser.js';
import { decodeTweetText } from './twarc2.text.js';

const env = (overrides: Partial<TweetEnvironment> = {}): TweetEnvironment => ({
  findUser: (id) => (id === '42' ? { id: '42', username: 'MinVWS', name: 'Ministerie van VWS' } : undefined),
  findMedia: () => undefined,
  findCreatedAt: () => undefined,
  chainFirstId: (id) => id,
  ...overrides,
});

const base: JsonObject = {
  id: '1600000000000000000',
  text: 'short',
  author_id: '42',
  created_at: '2022-12-06T05:31:41.000Z',
  edit_history_tweet_ids: ['1600000000000000000'],
};

describe('normaliseTweet', () => {
  it('prefers note_tweet text and entities for long posts', () => {
    const item = normaliseTweet(
      {
        ...base,
        text: 'Het begin van een lange tekst… https://t.co/abc',
        entities: { hashtags: [{ tag: 'kort' }] },
        note_tweet: {
          text: 'Het begin van een lange tekst &amp; de rest, met #zorg en @RIVM: https://t.co/x',
          entities: {
            hashtags: [{ tag: 'zorg' }],
            mentions: [{ username: 'RIVM' }],
            urls: [{ url: 'https://t.co/x', expanded_url: 'https://www.rijksoverheid.nl/' }],
          },
        },
        lang: 'nl',
      },
      env(),
      '{}',
      'data[0]',
    );
    expect(item.content).toMatchObject({
      text: 'Het begin van een lange tekst & de rest, met #zorg en @RIVM: https://t.co/x',
      hashtags: ['zorg'],
      mentions: ['RIVM'],
      links: ['https://www.rijksoverheid.nl/'],
      language: 'nl',
    });
  });

  it('is a reply first when it both replies and quotes, and keeps both ids', () => {
    const item = normaliseTweet(
      {
        ...base,
        referenced_tweets: [
          { type: 'quoted', id: '11' },
          { type: 'replied_to', id: '12' },
        ],
      },
      env({ chainFirstId: (id) => (id === '12' ? '10' : id) }),
      '{}',
      'data[0]',
    );
    expect(item).toMatchObject({ kind: 'reply', quotedPlatformId: '11', inReplyToPlatformId: '10' });
  });

  it('falls back to the id-only URL and null handle when the author was not captured', () => {
    const item = normaliseTweet({ ...base, author_id: '7' }, env(), '{}', 'data[0]');
    expect(item.author).toEqual({ platformActorId: '7', handle: null, displayName: null });
    expect(item.url).toBe('https://x.com/i/web/status/1600000000000000000');
  });

  it('uses the snowflake time when created_at was not requested', () => {
    const { created_at: _omitted, ...withoutTime } = base;
    const item = normaliseTweet(withoutTime, env(), '{}', 'data[0]');
    expect(item.createdAt).toEqual(new Date('2022-12-06T05:31:41.000Z'));
  });

  it('refuses a malformed created_at and a non-object reference', () => {
    expect(() => normaliseTweet({ ...base, created_at: 'gisteren' }, env(), '{}', 'data[0]')).toThrow(
      new InvalidRecordError('data[0].created_at is not a timestamp: "gisteren"'),
    );
    expect(() => normaliseTweet({ ...base, referenced_tweets: ['1'] }, env(), '{}', 'data[0]')).toThrow(
      /data\[0\]\.referenced_tweets\[0\] is not an object/,
    );
  });

  it('says so when the version is not in its own edit chain', () => {
    const item = normaliseTweet(
      { ...base, edit_history_tweet_ids: ['1500000000000000000'] },
      env(),
      '{}',
      'data[0]',
    );
    expect(item.platformItemId).toBe('1500000000000000000');
    expect(item.edit?.position).toBeNull();
  });
});

describe('text, media and time helpers', () => {
  it('decodes the three entities in one pass', () => {
    expect(decodeTweetText('a &amp; b &lt;c&gt; &amp;lt; &quot;')).toBe('a & b <c> &lt; &quot;');
  });

  it('derives mime types from twimg URLs', () => {
    expect(mimeTypeFromUrl('https://pbs.twimg.com/media/E_46ur4VkAEswOJ.jpg')).toBe('image/jpeg');
    expect(mimeTypeFromUrl('https://pbs.twimg.com/media/Fabc?format=png&name=large')).toBe('image/png');
    expect(mimeTypeFromUrl('not a url')).toBeNull();
  });

  it('keeps alt text and reports media without any URL', () => {
    expect(
      normaliseMedia('3_1', {
        media_key: '3_1',
        type: 'photo',
        url: 'https://pbs.twimg.com/media/a.png',
        alt_text: 'Logo',
      }),
    ).toEqual({
      originalUrl: 'https://pbs.twimg.com/media/a.png',
      mimeType: 'image/png',
      altText: 'Logo',
      bytes: null,
      missingReason: null,
    });
    expect(normaliseMedia('3_2', { media_key: '3_2', type: 'photo' }).missingReason).toBe(
      'media 3_2 (photo) has no url, variants or preview_image_url',
    );
  });

  it('reads the time in a snowflake id, and none from a pre-snowflake id', () => {
    expect(snowflakeTime('1576994746135764992')).toEqual(new Date('2022-10-03T17:57:01.000Z'));
    expect(snowflakeTime('20')).toBeNull();
  });
});
