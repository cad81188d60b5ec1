import type { NormalisedItem, NormalisedMedia } from '../domain/normalised-item.js';
import { contentHash, toStoredContent, type StoredMediaRef } from './stored-content.js';
import { mayHoldLoneSurrogate, wellFormedDeep } from './well-formed.js';

/** A media reference as a version stores it: where the bytes are (or why not) and what they were. */
export type StoredMedia = StoredMediaRef & { size: number | null; missingReason: string | null };

/**
 * The bulky text columns of a version. Only read when the version's row is bound, so an
 * implementation may keep them outside the JavaScript heap until then (see the import's record wire).
 */
export interface VersionPayload {
  readonly text: string;
  /** The `content` and `raw` columns' JSON text. */
  readonly contentJson: string;
  readonly rawJson: string;
}

/** What a new version stores, with the hashing and JSON encoding already done. */
export interface PreparedVersion extends VersionPayload {
  language: string | null;
  contentHash: string;
  media: StoredMedia[];
}

/**
 * An item whose content was hashed and encoded ahead of the write — on another thread during an
 * import, so the writing thread only binds rows. The identity and thread fields are the item's own.
 */
export type PreparedItem = Omit<NormalisedItem, 'content' | 'raw'> & { version: PreparedVersion };

export function isPreparedItem(item: NormalisedItem | PreparedItem): item is PreparedItem {
  return 'version' in item;
}

/** The reference of media whose bytes are not in hand (nothing to store). */
export function unfetchedMedia(m: NormalisedMedia): StoredMedia {
  return {
    sha256: null,
    size: null,
    originalUrl: m.originalUrl,
    mimeType: m.mimeType,
    altText: m.altText,
    missingReason: m.missingReason ?? 'not fetched',
  };
}

/** `media`: the item's media as stored (content-addressed when their bytes were put in the media store). */
export function prepareItem(item: NormalisedItem, media: StoredMedia[]): PreparedItem {
  const { content: _content, raw: _raw, ...identity } = item;
  return { ...identity, version: prepareVersion(item, media) };
}

/** The version an item's content makes: hashed and encoded (made well-formed first where needed). */
export function prepareVersion({ content, raw }: NormalisedItem, media: StoredMedia[]): PreparedVersion {
  let stored = toStoredContent(
    content,
    media.map(({ sha256, originalUrl, mimeType, altText }) => ({ sha256, originalUrl, mimeType, altText })),
  );
  let contentJson = JSON.stringify(stored);
  if (mayHoldLoneSurrogate(contentJson)) {
    stored = wellFormedDeep(stored);
    contentJson = JSON.stringify(stored);
  }
  return {
    text: stored.text,
    language: content.language,
    contentHash: contentHash(stored),
    contentJson,
    rawJson: JSON.stringify(raw),
    media,
  };
}

/**
 * The version of an item that needs nothing from the media store; null when it carries media
 * bytes, which the writer stores first (their references depend on it).
 */
export function prepareVersionWithoutMediaStore(item: NormalisedItem): PreparedVersion | null {
  if (item.content.media.some((m) => m.bytes)) return null;
  return prepareVersion(item, item.content.media.map(unfetchedMedia));
}

/** prepareVersionWithoutMediaStore with the item's identity and thread fields. */
export function prepareWithoutMediaStore(item: NormalisedItem): PreparedItem | null {
  if (item.content.media.some((m) => m.bytes)) return null;
  return prepareItem(item, item.content.media.map(unfetchedMedia));
}
