import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../testing/fixtures.js';
import type { FetchedPage } from '../http/http-client.js';
import { RECENT_SEARCH_WINDOW_MS, xConversations } from './x.conversations.js';

type Json = Record<string, unknown>;
const tweetOf = (name: string) =>
  (JSON.parse(fs.readFileSync(fixture('twitter-v2-twarc2', name), 'utf8')) as { data: Json[] }).data[0]!;
const timeline = (...data: Json[]): FetchedPage => ({
  url: 'https://api.x.com/2/users/1/tweets',
  status: 200,
  headers: new Headers(),
  body: JSON.stringify({ data, meta: { result_count: data.length } }),
});

const NOW = Date.parse('2022-10-05T00:00:00Z'); // two days after the recorded tweets of October 2022

describe('xConversations.threadsOn', () => {
  // edited.jsonl: 337119125's edited tweet (reply_count 12); its archive id is the chain's first id.
  const edited = tweetOf('edited.jsonl');
  // quoted_edit.jsonl: 1494167419413094401's reply to it (reply_count 1), in 337119125's conversation.
  const reply = tweetOf('quoted_edit.jsonl');
  // two_tweets.jsonl: a retweet by 1379899464345923590.
  const retweet = tweetOf('two_tweets.jsonl');

  it('an own tweet with replies: reported, and its conversation read (key conversation_id, item the edit chain’s first id)', () => {
    const { threads, reported } = xConversations.threadsOn(timeline(edited), '337119125', NOW);
    expect(reported).toEqual([{ itemId: '1576994746135764992', count: 12, scope: 'direct' }]);
    expect(threads).toEqual([{ key: '1576994789110992896', itemId: '1576994746135764992', replies: 12 }]);
  });

  it("the account's reply to another user is read when seen for the first time; a reply to itself is not", () => {
    const { threads } = xConversations.threadsOn(timeline(reply), '1494167419413094401', NOW);
    expect(threads).toEqual([
      { key: '1576994789110992896', itemId: '1576995594388000768', replies: 1, whenUnseen: true },
    ]);
    // Modified: the same reply as one to the account itself (a thread continued).
    const own = xConversations.threadsOn(
      timeline({ ...reply, in_reply_to_user_id: '1494167419413094401' }),
      '1494167419413094401',
      NOW,
    );
    expect(own.threads).toEqual([{ key: '1576994789110992896', itemId: '1576995594388000768', replies: 1 }]);
  });

  it('a retweet is skipped: neither reported nor read', () => {
    expect(xConversations.threadsOn(timeline(retweet), '1379899464345923590', NOW)).toEqual({
      threads: [],
      reported: [],
    });
  });

  it('outside the seven days of recent search (or undated): reported, not read', () => {
    const created = Date.parse(edited.created_at as string);
    const later = created + RECENT_SEARCH_WINDOW_MS;
    expect(xConversations.threadsOn(timeline(edited), '337119125', later - 1).threads).toHaveLength(1);
    const old = xConversations.threadsOn(timeline(edited), '337119125', later);
    expect(old).toEqual({
      threads: [],
      reported: [{ itemId: '1576994746135764992', count: 12, scope: 'direct' }],
    });
    // Modified: without created_at; without conversation_id the tweet's own id is the key.
    const { created_at: _created, ...undated } = edited;
    expect(xConversations.threadsOn(timeline(undated), '337119125', NOW).threads).toEqual([]);
    const { conversation_id: _c, ...noConversation } = reply;
    expect(xConversations.threadsOn(timeline(noConversation), '1494167419413094401', NOW).threads).toEqual([
      { key: '1576995594388000768', itemId: '1576995594388000768', replies: 1, whenUnseen: true },
    ]);
  });
});
