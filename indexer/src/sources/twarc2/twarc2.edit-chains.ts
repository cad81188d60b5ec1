import { readLines } from '../line-reader.js';

/**
 * X edits: every edit gets a new tweet id, and `edit_history_tweet_ids` lists the chain
 * [original, …, latest] on every version. The archive keeps one item per chain (keyed by the
 * original id), so references to a later version (a reply to the edited tweet, the conversation
 * id of an edited root) must be mapped to the chain's first id to join up.
 *
 * The map is built per file by a cheap pre-pass (a regex over each line, no JSON.parse), so a
 * reference resolves even when the chain appears on a later line. Limitation: a reference to a
 * later version whose chain is only present in another file is left as it is.
 */
export class EditChains {
  private readonly firstIdOf = new Map<string, string>();

  /** Records one chain; the first chain seen for an id wins (chains do not conflict on X). */
  add(chain: readonly string[]): void {
    const first = chain[0];
    if (first === undefined || chain.length < 2) return;
    for (const id of chain.slice(1)) {
      if (!this.firstIdOf.has(id)) this.firstIdOf.set(id, first);
    }
  }

  /** The first id of the chain `id` belongs to, or `id` itself when no longer chain is known. */
  firstId(id: string): string {
    return this.firstIdOf.get(id) ?? id;
  }

  get size(): number {
    return this.firstIdOf.size;
  }
}

const CHAIN_PATTERN = /"edit_history_tweet_ids"\s*:\s*\[([^\]]*)\]/g;
const QUOTED_ID = /"(\d+)"/g;

/** Adds every edit chain (of two or more ids) found in one line of JSON text. */
export function collectEditChains(lineText: string, chains: EditChains): void {
  // Most lines hold only one-id chains; the quick check skips the regex work for them.
  if (!lineText.includes('"edit_history_tweet_ids"')) return;
  for (const match of lineText.matchAll(CHAIN_PATTERN)) {
    const list = match[1] ?? '';
    // Two quoted ids take four quotes; the chains of unedited tweets (one id) are passed over here.
    if (!hasFourQuotes(list)) continue;
    const ids = [...list.matchAll(QUOTED_ID)].map((m) => m[1] as string);
    if (ids.length >= 2) chains.add(ids);
  }
}

function hasFourQuotes(text: string): boolean {
  let at = -1;
  for (let quotes = 0; quotes < 4; quotes++) if ((at = text.indexOf('"', at + 1)) === -1) return false;
  return true;
}

export async function scanEditChains(file: string): Promise<EditChains> {
  const chains = new EditChains();
  for await (const line of readLines(file)) {
    if (!line.overLong) collectEditChains(line.text, chains);
  }
  return chains;
}

/** X's epoch for snowflake ids (2010-11-04T01:42:54.657Z). */
const TWITTER_EPOCH_MS = 1288834974657n;
/** Ids below this predate snowflake ids (sequential ids end around 3e10) and carry no timestamp. */
const FIRST_SNOWFLAKE_ID = 1n << 40n;

/**
 * The publication time encoded in a snowflake id, truncated to whole seconds as the API's
 * created_at is (checked against every tweet in the twarc2 fixtures). Used for the creation time of
 * an edit chain whose first version was not captured: it is exact, and it keeps the item's
 * createdAt the same whichever version happens to be imported.
 */
export function snowflakeTime(id: string): Date | null {
  if (!/^\d{1,20}$/.test(id)) return null;
  const value = BigInt(id);
  if (value < FIRST_SNOWFLAKE_ID) return null;
  const ms = Number((value >> 22n) + TWITTER_EPOCH_MS);
  return new Date(ms - (ms % 1000));
}
