import type { SearchDocument } from '../search-index.js';
import { yearOf } from '../text/year.js';

/**
 * How a SearchDocument is stored in Meilisearch.
 *
 * Ids are stored hex-encoded (`…Key` fields and the primary key). Meilisearch normalises string facet
 * values (case folding) before comparing them in filters, so two tenants whose ids differ only in case
 * would match each other's filter; hex has one spelling per id. It also fits Meilisearch's primary-key
 * alphabet (`a-z A-Z 0-9 - _`) whatever characters the database id holds.
 */
export interface MeiliDocument {
  pk: string;
  id: string;
  organisationKey: string;
  platform: string;
  kind: string;
  status: string;
  accountKey: string | null;
  authorKind: 'own' | 'other';
  createdAt: number;
  /** Calendar year in Europe/Amsterdam, for the year facet. */
  year: number;
  conversationKey: string | null;
  language: string | null;
  hasMedia: boolean;
  /** Current text. */
  text: string;
  /** Earlier versions' texts, so edited-away words are still found. */
  history: string[];
  /** Author handle and name. */
  author: string;
  /** Kept (not searched) to tell which version matched and to highlight the current text. */
  versions: { versionNo: number; text: string }[];
}

export const PRIMARY_KEY = 'pk';

export function toHex(value: string): string {
  return Buffer.from(value, 'utf8').toString('hex');
}

export function fromHex(hex: string): string {
  return Buffer.from(hex, 'hex').toString('utf8');
}

/** Meilisearch's document-id limit is 511 bytes; hex doubles the length. */
const MAX_ID_BYTES = 255;

export function meiliPrimaryKey(id: string): string {
  if (Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES)
    throw new Error(`search document id longer than ${MAX_ID_BYTES} bytes`);
  return toHex(id);
}

export function toMeiliDocument(doc: SearchDocument): MeiliDocument {
  const versions = doc.versions.map((v) => ({ versionNo: v.versionNo, text: v.text }));
  return {
    pk: meiliPrimaryKey(doc.id),
    id: doc.id,
    organisationKey: toHex(doc.organisationId),
    platform: doc.platform,
    kind: doc.kind,
    status: doc.status,
    accountKey: doc.accountId === null ? null : toHex(doc.accountId),
    authorKind: doc.accountId === null ? 'other' : 'own',
    createdAt: doc.createdAt,
    year: yearOf(doc.createdAt),
    conversationKey: doc.conversationId === null ? null : toHex(doc.conversationId),
    language: doc.language,
    hasMedia: doc.hasMedia,
    text: versions.at(-1)?.text ?? '',
    history: versions.slice(0, -1).map((v) => v.text),
    author: [doc.authorHandle, doc.authorName].filter((s): s is string => !!s).join(' '),
    versions,
  };
}
