import fs from 'node:fs';
import { once } from 'node:events';

const WORDS = ['dijk', 'polder', 'gemaal', 'subsidie', 'regeling', 'woningbouw', 'stikstof', 'waterpeil', 'kwelder', 'vergunning', 'bewoners', 'informatieavond', 'minister', 'kabinet', 'begroting', 'zorg', 'onderwijs', 'verkeer', 'fiets', 'energie'];

/**
 * Writes `count` synthetic tweets as twarc2 JSONL pages of 100 (data + includes.users + __twarc),
 * deterministic, with replies and Dutch-like text: the shape the twarc2 reader sees in real harvests.
 */
export async function writeTwarc2File(file: string, count: number): Promise<void> {
  const out = fs.createWriteStream(file);
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const base = 1_500_000_000_000_000_000n;
  for (let page = 0; page * 100 < count; page++) {
    const data = [];
    const users = new Map<string, object>();
    for (let i = page * 100; i < Math.min(count, (page + 1) * 100); i++) {
      const id = (base + BigInt(i) * 4_194_304n).toString();
      const author = String(1000 + Math.floor(rnd() * 5000));
      users.set(author, { id: author, username: `gebruiker${author}`, name: `Gebruiker ${author}` });
      const words = Array.from({ length: 8 + Math.floor(rnd() * 25) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
      const isReply = i > 0 && rnd() < 0.4;
      const parent = isReply ? (base + BigInt(Math.floor(rnd() * i)) * 4_194_304n).toString() : null;
      data.push({
        id,
        text: `${words} #nr${i % 97}`,
        author_id: author,
        created_at: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
        conversation_id: parent ?? id,
        lang: 'nl',
        edit_history_tweet_ids: [id],
        ...(parent ? { referenced_tweets: [{ type: 'replied_to', id: parent }], in_reply_to_user_id: '1000' } : {}),
      });
    }
    const line = JSON.stringify({ data, includes: { users: [...users.values()] }, meta: { result_count: data.length }, __twarc: { url: 'https://api.x.com/2/tweets/search/all', version: '2.14.0', retrieved_at: '2026-11-01T00:00:00+00:00' } });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
