import { describe, expect, it } from 'vitest';
import { mastodonApiSource } from './mastodon-api.source.js';
import { HOST, localAccount, remoteAccount, status } from './mastodon-status-fixtures.js';
import { collect, itemsOf, quarantinesOf } from './test-helpers.js';

/** Constructed statuses for what the real fixtures lack: boosts, quotes, warnings, replies across instances. */

const read = (payload: unknown, label = 'test.json') => collect(mastodonApiSource.readContent!(label, JSON.stringify(payload)));
const uriOf = (id: string, account = localAccount) => `${account.uri}/statuses/${id}`;

describe('boosts and quotes', () => {
  it('makes a boost a repost of the inner status, which is an item too', async () => {
    const inner = status('200', { account: remoteAccount, content: '<p>Origineel</p>' });
    const boost = status('201', { uri: `${uriOf('201')}/activity`, url: null, content: '', reblog: inner });
    const items = itemsOf(await read([boost]));
    expect(items.map((i) => [i.kind, i.platformItemId])).toEqual([
      ['repost', `${uriOf('201')}/activity`],
      ['post', uriOf('200', remoteAccount)],
    ]);
    expect(items[0]?.repostOfPlatformId).toBe(uriOf('200', remoteAccount));
    expect(items[0]?.conversationPlatformId).toBeNull();
    expect(items[1]?.content.text).toBe('Origineel');
    expect(items[1]?.author.handle).toBe('burger@mastodon.example');
  });

  it('reads a Mastodon 4.4 quote post and archives the quoted status', async () => {
    const quoted = status('300', { account: remoteAccount });
    const items = itemsOf(await read(status('301', { quote: { state: 'accepted', quoted_status: quoted } })));
    expect(items.map((i) => i.kind)).toEqual(['quote', 'post']);
    expect(items[0]?.quotedPlatformId).toBe(uriOf('300', remoteAccount));
  });

  it('keeps the outer item when the boosted status is broken, and says why the inner one is not', async () => {
    const records = await read(status('400', { reblog: { ...status('401'), id: 401 } }));
    expect(records.map((r) => r.kind)).toEqual(['item', 'quarantine']);
    expect(quarantinesOf(records)[0]?.reason).toMatch(/^status\.reblog\.id is the number 401, not a string/);
  });
});

describe('content', () => {
  it('puts spoiler_text in warning, poll options in the text, hashtags and mentions from tags/mentions', async () => {
    const [item] = itemsOf(
      await read(
        status('500', {
          spoiler_text: 'Politiek',
          sensitive: true,
          content:
            '<p>Stem mee <a href="https://social.example.nl/tags/Inspraak" class="mention hashtag" rel="tag">#<span>Inspraak</span></a> ' +
            '<span class="h-card"><a href="https://mastodon.example/@burger" class="u-url mention">@<span>burger</span></a></span></p>' +
            '<p>Zie <a href="https://www.rijksoverheid.nl/a?x=1&amp;y=2" rel="nofollow noopener" target="_blank">rijksoverheid.nl/a</a> &lt;3</p>',
          tags: [{ name: 'inspraak', url: 'https://social.example.nl/tags/inspraak' }],
          mentions: [{ id: remoteAccount.id, username: 'burger', acct: remoteAccount.acct, url: remoteAccount.url }],
          poll: { id: '1', options: [{ title: 'Ja', votes_count: 3 }, { title: 'Nee', votes_count: 1 }] },
          media_attachments: [{ id: '9', type: 'gifv', url: 'https://files.example.nl/9.mp4?v=1', description: 'Animatie' }, { id: '10', type: 'image', url: null, remote_url: null }],
        }),
      ),
    );
    expect(item?.content).toEqual({
      text: 'Stem mee #Inspraak @burger\n\nZie rijksoverheid.nl/a <3\n\n○ Ja\n○ Nee',
      title: null,
      language: 'nl',
      links: ['https://www.rijksoverheid.nl/a?x=1&y=2'],
      hashtags: ['inspraak'],
      mentions: ['burger@mastodon.example'],
      media: [
        { originalUrl: 'https://files.example.nl/9.mp4?v=1', mimeType: 'video/mp4', altText: 'Animatie', bytes: null, missingReason: 'not fetched (API capture)' },
        { originalUrl: null, mimeType: null, altText: null, bytes: null, missingReason: 'status.media_attachments[1] has no url or remote_url' },
      ],
      warning: 'Politiek',
    });
  });
});

describe('reply links across a timeline', () => {
  it('maps a local parent id to the uri of a status in the payload, or builds the local URI from a mention', async () => {
    const parent = status('600');
    const reply = status('601', { account: remoteAccount, in_reply_to_id: '600', in_reply_to_account_id: localAccount.id });
    // 650 is not in the payload, but its author is the local account minbzk, named in mentions.
    const other = status('602', {
      account: remoteAccount,
      in_reply_to_id: '650',
      in_reply_to_account_id: localAccount.id,
      mentions: [{ id: localAccount.id, username: 'minbzk', acct: 'minbzk', url: localAccount.url }],
    });
    const items = itemsOf(await read([reply, parent, other]));
    expect(items.map((i) => i.inReplyToPlatformId)).toEqual([uriOf('600'), null, `https://${HOST}/users/minbzk/statuses/650`]);
    // The reply's parent is in the payload and replies to nothing: the root. 602's parent is not.
    expect(items.map((i) => i.conversationPlatformId)).toEqual([uriOf('600'), uriOf('600'), null]);
  });

  it('gives a Context without ancestors the asked-about status as root', async () => {
    const items = itemsOf(await read({ ancestors: [], descendants: [status('701', { in_reply_to_id: '700' }), status('702', { in_reply_to_id: '701' })] }));
    // The first descendant replies to the status asked about (700), which is the root.
    const root = `https://${HOST}/api/v1/statuses/700`;
    expect(items.map((i) => i.conversationPlatformId)).toEqual([root, root]);
    expect(items[1]?.inReplyToPlatformId).toBe(uriOf('701'));
  });

  it('names the instance of a history of a remote status by the label only', async () => {
    const edit = { content: '<p>x</p>', spoiler_text: '', sensitive: false, created_at: '2024-01-01T00:00:00Z', account: remoteAccount, media_attachments: [] };
    const items = itemsOf(await read([edit], `https://${HOST}/api/v1/statuses/800/history`));
    expect(items.map((i) => [i.platformItemId, i.edit?.position])).toEqual([[`https://${HOST}/api/v1/statuses/800`, 0]]);
  });
});
