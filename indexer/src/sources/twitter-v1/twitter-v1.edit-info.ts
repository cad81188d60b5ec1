import type { EditChains } from '../twarc2/twarc2.edit-chains.js';
import { InvalidRecordError, optionalId, optionalIdList, optionalObject } from '../twarc2/twarc2.fields.js';
import type { JsonObject } from '../json.js';

/**
 * Where a tweet sits in its edit chain. Two spellings of the same structure exist:
 * - X archive: `edit_info.initial.editTweetIds` on the first version (the whole chain, first id
 *   first), `edit_info.edit.initialTweetId` + `edit_info.edit.editControlInitial.editTweetIds` on
 *   a later version;
 * - API v1.1 with `include_ext_edit_control`: `ext_edit_control.initial.edit_tweet_ids`, or
 *   `ext_edit_control.edit.initial_tweet_id` + `edit_control_initial.edit_tweet_ids`.
 */
export interface EditPlace {
  /** The chain's first id: the item's platformItemId. */
  firstId: string;
  /** Index of this version in the chain; null when only the first id is known. */
  position: number | null;
}

/** null for tweets that predate edits (before 2022-09) and for tweets fetched without edit fields. */
export function editPlaceOf(tweet: JsonObject, id: string, where: string): EditPlace | null {
  const archive = optionalObject(tweet, 'edit_info');
  if (archive !== null) {
    return readEditControl(archive, id, `${where}.edit_info`, {
      chain: 'editTweetIds',
      initialId: 'initialTweetId',
      initialControl: 'editControlInitial',
    });
  }
  const api = optionalObject(tweet, 'ext_edit_control');
  if (api !== null) {
    return readEditControl(api, id, `${where}.ext_edit_control`, {
      chain: 'edit_tweet_ids',
      initialId: 'initial_tweet_id',
      initialControl: 'edit_control_initial',
    });
  }
  return null;
}

interface Spelling {
  chain: string;
  initialId: string;
  initialControl: string;
}

function readEditControl(control: JsonObject, id: string, where: string, names: Spelling): EditPlace | null {
  const initial = optionalObject(control, 'initial');
  if (initial !== null) return placeIn(optionalIdList(initial, names.chain, `${where}.initial`), id, null, where);
  const edit = optionalObject(control, 'edit');
  if (edit === null) return null;
  const initialId = optionalId(edit, names.initialId, `${where}.edit`);
  const initialControl = optionalObject(edit, names.initialControl);
  const chain = initialControl && optionalIdList(initialControl, names.chain, `${where}.edit.${names.initialControl}`);
  return placeIn(chain, id, initialId, where);
}

function placeIn(chain: string[] | null, id: string, initialId: string | null, where: string): EditPlace | null {
  if (chain !== null) {
    const first = chain[0] as string;
    if (initialId !== null && initialId !== first)
      throw new InvalidRecordError(`${where}: initial id ${initialId} is not the first id of the chain [${chain.join(', ')}]`);
    const position = chain.indexOf(id);
    return { firstId: first, position: position === -1 ? null : position };
  }
  return initialId === null ? null : { firstId: initialId, position: initialId === id ? 0 : null };
}

const CHAIN_PATTERN = /"(?:editTweetIds|edit_tweet_ids)"\s*:\s*\[([^\]]*)\]/g;
const QUOTED_ID = /"(\d+)"/g;

/**
 * The pre-pass over a whole file or document, on raw chunks: no JSON is split or parsed. Each
 * chunk is searched together with the end of the previous one, so a chain cut by a chunk border
 * is found whole next time (a chain seen twice is simply added twice, which changes nothing).
 */
export async function collectEditChainsFromChunks(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, chains: EditChains): Promise<void> {
  const overlap = 4096; // far longer than any chain (at most 6 ids, pretty-printed)
  let tail = '';
  for await (const chunk of chunks) {
    // latin1: one character per byte; the pattern is ASCII, so nothing else matters.
    const text = tail + chunk.toString('latin1');
    if (text.includes('ditTweetIds') || text.includes('edit_tweet_ids')) collectEditChains(text, chains);
    tail = text.slice(-overlap);
  }
}

/**
 * Adds every edit chain (two or more ids) in a piece of JSON text, found by a regex instead of a
 * parse: the pre-pass that lets a reply to a later version of an edited tweet point at the chain's
 * first id even when the chain appears further down the file.
 */
export function collectEditChains(text: string, chains: EditChains): void {
  for (const match of text.matchAll(CHAIN_PATTERN)) {
    const ids = [...(match[1] ?? '').matchAll(QUOTED_ID)].map((m) => m[1] as string);
    if (ids.length >= 2) chains.add(ids);
  }
}
