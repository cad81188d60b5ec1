import type { NormalisedContent } from '../domain/normalised-item.js';
import type { StoredContent } from '../entities/item-version.entity.js';
import { canonicalJson, sha256Hex } from '../util/hash.js';

export interface StoredMediaRef {
  sha256: string | null;
  originalUrl: string | null;
  mimeType: string | null;
  altText: string | null;
}

/**
 * A copy of the content's fields except media, in the content's own key order, with `media`
 * last — the layout stored as JSON. Copied field by field: object rest/spread costs several times
 * more, and runs twice for every imported item.
 */
function withMedia<T>(content: object, media: T): Record<string, unknown> & { media: T } {
  const copy: Record<string, unknown> = {};
  for (const key in content) if (key !== 'media') copy[key] = (content as Record<string, unknown>)[key];
  copy.media = media;
  return copy as Record<string, unknown> & { media: T };
}

export function toStoredContent(content: NormalisedContent, media: StoredMediaRef[]): StoredContent {
  return withMedia(content, media) as unknown as StoredContent;
}

/**
 * The hash that decides "same content or a new version". Media count by where they came from
 * (or their bytes when there is no URL), so a later successful download of the same image is
 * not mistaken for an edit.
 */
export function contentHash(content: StoredContent): string {
  const identity = withMedia(content, content.media.map((m) => ({ ref: m.originalUrl ?? m.sha256, altText: m.altText })));
  return sha256Hex(canonicalJson(identity));
}
