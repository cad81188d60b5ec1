import type { ActorEntity } from '../entities/actor.entity.js';
import type { ItemVersionEntity } from '../entities/item-version.entity.js';
import type { ItemEntity } from '../entities/item.entity.js';
import type { MediaReferenceEntity } from '../entities/media-reference.entity.js';
import type { MediaEntity } from '../entities/media.entity.js';
import type { OutboxEntity } from '../entities/outbox.entity.js';
import type { TombstoneEntity } from '../entities/tombstone.entity.js';
import type { VersionPayload } from './prepared-item.js';
import type { ValueEncoding } from './value-encoding.js';

/**
 * The tables the archive writer inserts into, as column lists with a function that lays a row out
 * as bound values in that order. Rows go to the driver as arrays, so a batch of thousands of rows
 * costs no entity metadata work; a test checks these lists against the entities.
 */
export interface TableSpec<Row> {
  table: string;
  columns: readonly string[];
  values(row: Row, enc: ValueEncoding): unknown[];
}

export type ItemRow = Omit<ItemEntity, 'organisation' | 'author' | 'account'>;
/**
 * `text`, `content` and `raw` (as JSON text, encoded where the item was prepared) are read from the
 * payload only when the row is bound: until then they may be held outside the JavaScript heap.
 */
export type VersionRow = Omit<ItemVersionEntity, 'item' | 'captureRun' | 'text' | 'content' | 'raw'> & { payload: VersionPayload };
export type ActorRow = Omit<ActorEntity, 'account'>;
export type MediaRow = MediaEntity;
export type MediaReferenceRow = Omit<MediaReferenceEntity, 'version' | 'media'>;
export type TombstoneRow = Omit<TombstoneEntity, 'item' | 'captureRun'>;
/** `seq` is the outbox's autoincrement key, assigned by the database. */
export type OutboxRow = Omit<OutboxEntity, 'seq'>;

const nullableDate = (d: Date | null, enc: ValueEncoding) => (d === null ? null : enc.datetime(d));

export const ITEM_TABLE: TableSpec<ItemRow> = {
  table: 'item',
  columns: [
    'id', 'organisationId', 'platform', 'platformItemId', 'kind', 'authorId', 'accountId', 'conversationPlatformId',
    'inReplyToPlatformId', 'quotedPlatformId', 'repostOfPlatformId', 'url', 'createdAt', 'status', 'firstSeenAt',
    'lastSeenAt', 'deletedAt', 'versionCount', 'hasMedia', 'language',
  ],
  values: (r, enc) => [
    r.id, r.organisationId, r.platform, r.platformItemId, r.kind, r.authorId, r.accountId, r.conversationPlatformId,
    r.inReplyToPlatformId, r.quotedPlatformId, r.repostOfPlatformId, r.url, enc.datetime(r.createdAt), r.status,
    enc.datetime(r.firstSeenAt), enc.datetime(r.lastSeenAt), nullableDate(r.deletedAt, enc), r.versionCount,
    enc.boolean(r.hasMedia), r.language,
  ],
};

export const VERSION_TABLE: TableSpec<VersionRow> = {
  table: 'item_version',
  columns: ['id', 'itemId', 'versionNo', 'editPosition', 'platformVersionId', 'platformEditedAt', 'contentHash', 'text', 'content', 'raw', 'capturedAt', 'captureRunId'],
  values: (r, enc) => [
    r.id, r.itemId, r.versionNo, r.editPosition, r.platformVersionId, nullableDate(r.platformEditedAt, enc), r.contentHash,
    r.payload.text, r.payload.contentJson, r.payload.rawJson, enc.datetime(r.capturedAt), r.captureRunId,
  ],
};

export const ACTOR_TABLE: TableSpec<ActorRow> = {
  table: 'actor',
  columns: ['id', 'platform', 'platformActorId', 'handle', 'displayName', 'accountId', 'createdAt'],
  values: (r, enc) => [r.id, r.platform, r.platformActorId, r.handle, r.displayName, r.accountId, enc.datetime(r.createdAt)],
};

export const MEDIA_TABLE: TableSpec<MediaRow> = {
  table: 'media',
  columns: ['sha256', 'mimeType', 'size', 'firstSeenAt'],
  values: (r, enc) => [r.sha256, r.mimeType, r.size, enc.datetime(r.firstSeenAt)],
};

export const MEDIA_REFERENCE_TABLE: TableSpec<MediaReferenceRow> = {
  table: 'media_reference',
  columns: ['id', 'versionId', 'position', 'sha256', 'originalUrl', 'mimeType', 'altText', 'status', 'missingReason'],
  values: (r) => [r.id, r.versionId, r.position, r.sha256, r.originalUrl, r.mimeType, r.altText, r.status, r.missingReason],
};

export const TOMBSTONE_TABLE: TableSpec<TombstoneRow> = {
  table: 'tombstone',
  columns: ['id', 'itemId', 'detectedAt', 'method', 'platformDeletedAt', 'captureRunId', 'detail'],
  values: (r, enc) => [r.id, r.itemId, enc.datetime(r.detectedAt), r.method, nullableDate(r.platformDeletedAt, enc), r.captureRunId, r.detail],
};

export const OUTBOX_TABLE: TableSpec<OutboxRow> = {
  table: 'search_outbox',
  columns: ['itemId', 'op', 'createdAt', 'attempts'],
  values: (r, enc) => [r.itemId, r.op, enc.datetime(r.createdAt), r.attempts],
};

export const ARCHIVE_TABLES = [ITEM_TABLE, VERSION_TABLE, ACTOR_TABLE, MEDIA_TABLE, MEDIA_REFERENCE_TABLE, TOMBSTONE_TABLE, OUTBOX_TABLE] as const;
