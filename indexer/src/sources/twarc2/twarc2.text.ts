import { isJsonObject, type JsonObject } from '../json.js';
import { optionalArray, optionalString } from './twarc2.fields.js';

/** Text, entities and language of an API v2 tweet. */

const ENTITY = /&(amp|lt|gt);/g;
const ENTITY_CHARS: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * The API escapes exactly these three in `text` (a leftover of v1.1). One pass, so "&amp;lt;"
 * correctly becomes "&lt;" and not "<".
 */
export function decodeTweetText(text: string): string {
  return text.replace(ENTITY, (_match, name: string) => ENTITY_CHARS[name] ?? _match);
}

/**
 * X's `lang` uses pseudo-codes that are not languages: und (undetermined), qst (very short text),
 * qme/qam/qct/qht (only media links / mentions / cashtags / hashtags), zxx (no text). Storing
 * them as a language would pollute language facets, so they become null.
 */
const NOT_A_LANGUAGE = new Set(['und', 'qst', 'qme', 'qam', 'qct', 'qht', 'zxx']);

export function languageOf(tweet: JsonObject): string | null {
  const lang = optionalString(tweet, 'lang');
  return lang === null || lang === '' || NOT_A_LANGUAGE.has(lang) ? null : lang;
}

/** Hashtags without '#', in text order, each once. */
export function hashtagsOf(entities: JsonObject | null): string[] {
  return unique(entityStrings(entities, 'hashtags', (entity) => optionalString(entity, 'tag')));
}

/** Mentioned usernames without '@', in text order, each once. */
export function mentionsOf(entities: JsonObject | null): string[] {
  return unique(entityStrings(entities, 'mentions', (entity) => optionalString(entity, 'username')));
}

/**
 * Links in the text, as the expanded URL (t.co wrappers say nothing on their own). URL entities
 * that stand for attached media (pic.twitter.com links) are left out: the media list holds those.
 */
export function linksOf(entities: JsonObject | null): string[] {
  return unique(
    entityStrings(entities, 'urls', (entity) => {
      if (typeof entity.media_key === 'string') return null;
      const display = optionalString(entity, 'display_url') ?? '';
      if (display.startsWith('pic.twitter.com/') || display.startsWith('pic.x.com/')) return null;
      return optionalString(entity, 'expanded_url') ?? optionalString(entity, 'url');
    }),
  );
}

function entityStrings(
  entities: JsonObject | null,
  kind: string,
  pick: (entity: JsonObject) => string | null,
): string[] {
  if (entities === null) return [];
  const values: string[] = [];
  for (const entity of optionalArray(entities, kind)) {
    if (!isJsonObject(entity)) continue;
    const value = pick(entity);
    if (value !== null && value !== '') values.push(value);
  }
  return values;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
