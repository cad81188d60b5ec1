/** Constructed Mastodon API statuses for tests: a local government account on a fictional instance. */

export const HOST = 'social.example.nl';

export const localAccount = {
  id: '109000000000000001',
  username: 'minbzk',
  acct: 'minbzk',
  display_name: 'Ministerie van Voorbeeldzaken',
  url: `https://${HOST}/@minbzk`,
  uri: `https://${HOST}/users/minbzk`,
};

export const remoteAccount = {
  id: '109000000000000002',
  username: 'burger',
  acct: 'burger@mastodon.example',
  display_name: 'Een Burger',
  url: 'https://mastodon.example/@burger',
  uri: 'https://mastodon.example/users/burger',
};

export function status(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const account = (extra.account as typeof localAccount | undefined) ?? localAccount;
  return {
    id,
    created_at: '2024-03-01T09:00:00.000Z',
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: false,
    spoiler_text: '',
    visibility: 'public',
    language: 'nl',
    uri: `${account.uri}/statuses/${id}`,
    url: `${account.url}/${id}`,
    edited_at: null,
    content: `<p>Bericht ${id}</p>`,
    reblog: null,
    account,
    media_attachments: [],
    mentions: [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
    ...extra,
  };
}
