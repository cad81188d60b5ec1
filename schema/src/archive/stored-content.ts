import type { NormalisedContent } from '../domain/normalised-item.js';
import type { StoredContent } from '../entities/item-version.entity.js';
import { canonicalJson, sha256Hex } from '../util/hash.js';

export interface StoredMediaRef {
  sha256: string | null;
  originalUrl: string | null;
  mimeType: string | null;
  altText: string | null;
}

export function toStoredContent(content: NormalisedContent, media: StoredMediaRef[]): StoredContent {
  const { media: _bytes, ...rest } = content;
  return { ...rest, media };
}

/**
 * The hash that decides "same content or a new version". Media count by where they came from
 * (or their bytes when there is no URL), so a later successful download of the same image is
 * not mistaken for an edit.
 */
export function contentHash(content: StoredContent): string {
  const identity = {
    ...content,
    media: content.media.map((m) => ({ ref: m.originalUrl ?? m.sha256, altText: m.altText })),
  };
  return sha256Hex(canonicalJson(identity));
}
