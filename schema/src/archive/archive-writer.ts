import type { DataSource, EntityManager } from 'typeorm';
import { ItemStatus, MediaStatus, type Platform } from '../domain/enums.js';
import type { DeletionNotice, NormalisedItem } from '../domain/normalised-item.js';
import type { MediaStore } from '../media/media-store.js';
import { newId } from '../util/ids.js';
import { ActorResolver } from './actor-resolver.js';
import {
  ITEM_TABLE,
  MEDIA_REFERENCE_TABLE,
  MEDIA_TABLE,
  OUTBOX_TABLE,
  TOMBSTONE_TABLE,
  VERSION_TABLE,
  type ItemRow,
  type MediaReferenceRow,
  type MediaRow,
  type OutboxRow,
  type TombstoneRow,
  type VersionRow,
} from './archive-tables.js';
import { batchStoreFor, type BatchStore } from './batch-store.js';
import { loadItemStates, type ItemState } from './item-state.js';
import { isPreparedItem, prepareItem, prepareWithoutMediaStore, unfetchedMedia, type PreparedItem, type StoredMedia } from './prepared-item.js';

export interface Capture {
  /** Prepared items (prepareWithoutMediaStore) skip the hashing and encoding here. */
  item: NormalisedItem | PreparedItem;
  capturedAt: Date;
}

interface PreparedCapture {
  item: PreparedItem;
  capturedAt: Date;
}

export interface BatchResult {
  newItems: number;
  newVersions: number;
  unchanged: number;
  deleted: number;
  /** Deletion notices for items this organisation's archive never captured (kept for the run's report). */
  unknownDeletions: DeletionNotice[];
}

/**
 * The one write path into the archive. Each batch is one transaction that stores new items,
 * new immutable versions, media references, tombstones, and the index outbox rows announcing
 * them — so the search index can always be brought up to date from the database.
 * Idempotent: writing the same captures again stores nothing new.
 */
export class ArchiveWriter {
  private readonly actors = new ActorResolver();

  constructor(
    private readonly ds: DataSource,
    private readonly media: MediaStore,
  ) {}

  /** Call after accounts were added, so authors that are our accounts get linked. */
  accountsChanged(): void {
    this.actors.invalidateAccounts();
  }

  async write(
    organisationId: string,
    captures: Capture[],
    deletions: DeletionNotice[] = [],
    captureRunId: string | null = null,
  ): Promise<BatchResult> {
    const prepared = await this.prepare(captures);
    try {
      const result = await this.ds.transaction((m) => this.writeInTransaction(m, organisationId, prepared, deletions, captureRunId));
      this.actors.commit();
      return result;
    } catch (err) {
      this.actors.rollback();
      throw err;
    }
  }

  /** Media bytes go to the content-addressed store first: idempotent, and harmless if the transaction fails. */
  private async prepare(captures: Capture[]): Promise<PreparedCapture[]> {
    const prepared = new Array<PreparedCapture>(captures.length);
    const pending: Array<Promise<void>> = [];
    captures.forEach(({ item, capturedAt }, i) => {
      if (isPreparedItem(item)) {
        prepared[i] = { item, capturedAt };
        return;
      }
      const ready = prepareWithoutMediaStore(item);
      if (ready) prepared[i] = { item: ready, capturedAt };
      else pending.push(this.storeMediaOf(item).then((media) => void (prepared[i] = { item: prepareItem(item, media), capturedAt })));
    });
    await Promise.all(pending);
    return prepared;
  }

  private async storeMediaOf(item: NormalisedItem): Promise<StoredMedia[]> {
    return Promise.all(
      item.content.media.map(async (m) => {
        if (!m.bytes) return unfetchedMedia(m);
        const { sha256, size } = await this.media.put(m.bytes);
        return { sha256, size, originalUrl: m.originalUrl, mimeType: m.mimeType, altText: m.altText, missingReason: null };
      }),
    );
  }

  private async writeInTransaction(
    m: EntityManager,
    organisationId: string,
    captures: PreparedCapture[],
    deletions: DeletionNotice[],
    captureRunId: string | null,
  ): Promise<BatchResult> {
    const store = batchStoreFor(m);
    const now = new Date();
    const result: BatchResult = { newItems: 0, newVersions: 0, unchanged: 0, deleted: 0, unknownDeletions: [] };
    // Items and notices carry the platform and id fields the lookups need: no copy per item.
    const items = captures.map((c) => c.item);
    const actorOf = await this.actors.resolve(m, store, items, now);
    const states = await loadItemStates(m, store, organisationId, [...items, ...deletions]);

    const newItems: ItemRow[] = [];
    const newVersions: VersionRow[] = [];
    const newRefs: MediaReferenceRow[] = [];
    const newMedia = new Map<string, MediaRow>();
    const changedItems = new Map<string, ItemState>();
    const seen = new Map<string, Date>();

    for (const { item, capturedAt } of captures) {
      const { version: prepared } = item;
      const refs = prepared.media;
      const hash = prepared.contentHash;
      const key = `${item.platform}\u0000${item.platformItemId}`;
      let state = states.get(key);
      if (!state) {
        const author = actorOf(item.platform, item.author.platformActorId);
        const row: ItemRow = {
          id: newId(),
          organisationId,
          platform: item.platform,
          platformItemId: item.platformItemId,
          kind: item.kind,
          authorId: author.id,
          accountId: author.accountId,
          conversationPlatformId: item.conversationPlatformId,
          inReplyToPlatformId: item.inReplyToPlatformId,
          quotedPlatformId: item.quotedPlatformId,
          repostOfPlatformId: item.repostOfPlatformId,
          url: item.url,
          createdAt: item.createdAt,
          status: ItemStatus.LIVE,
          firstSeenAt: capturedAt,
          lastSeenAt: capturedAt,
          deletedAt: null,
          versionCount: 0,
          hasMedia: false,
          language: prepared.language,
        };
        newItems.push(row);
        state = { id: row.id, status: row.status, versionCount: 0, hashes: new Set(), hasMedia: false, lastSeenAt: capturedAt, isNew: true };
        states.set(key, state);
        result.newItems++;
      }
      if (state.hashes.has(hash)) {
        result.unchanged++;
        if (capturedAt > state.lastSeenAt) seen.set(state.id, capturedAt);
        continue;
      }
      state.versionCount++;
      state.hashes.add(hash);
      state.hasMedia ||= refs.length > 0;
      if (state.versionCount > 1 && state.status === ItemStatus.LIVE) state.status = ItemStatus.EDITED;
      // The first version of a new item counts as a new item; any later one, even in this batch, as a new version.
      if (state.isNew) state.isNew = false;
      else result.newVersions++;
      if (capturedAt > state.lastSeenAt) state.lastSeenAt = capturedAt;
      changedItems.set(state.id, state);
      const version: VersionRow = {
        id: newId(),
        itemId: state.id,
        versionNo: state.versionCount,
        editPosition: item.edit?.position ?? null,
        platformVersionId: item.edit?.platformVersionId ?? null,
        platformEditedAt: item.edit?.editedAt ?? null,
        contentHash: hash,
        payload: prepared,
        capturedAt,
        captureRunId,
      };
      newVersions.push(version);
      refs.forEach((r, position) => {
        if (r.sha256 && r.size !== null && !newMedia.has(r.sha256)) {
          newMedia.set(r.sha256, { sha256: r.sha256, mimeType: r.mimeType, size: r.size, firstSeenAt: capturedAt });
        }
        newRefs.push({
          id: newId(),
          versionId: version.id,
          position,
          sha256: r.sha256,
          originalUrl: r.originalUrl,
          mimeType: r.mimeType,
          altText: r.altText,
          status: r.sha256 ? MediaStatus.STORED : MediaStatus.MISSING,
          missingReason: r.missingReason,
        });
      });
    }

    const tombstones: TombstoneRow[] = [];
    for (const d of deletions) {
      const state = states.get(`${d.platform}\u0000${d.platformItemId}`);
      if (!state) {
        result.unknownDeletions.push(d);
        continue;
      }
      if (state.status === ItemStatus.DELETED) continue;
      state.status = ItemStatus.DELETED;
      state.deletedAt = d.detectedAt;
      changedItems.set(state.id, state);
      result.deleted++;
      tombstones.push({
        id: newId(),
        itemId: state.id,
        detectedAt: d.detectedAt,
        method: d.method,
        platformDeletedAt: d.platformDeletedAt,
        captureRunId,
        detail: null,
      });
    }

    for (const row of newItems) {
      const state = changedItems.get(row.id)!;
      row.status = state.status;
      row.versionCount = state.versionCount;
      row.hasMedia = state.hasMedia;
      row.lastSeenAt = state.lastSeenAt;
      row.deletedAt = state.deletedAt ?? null;
    }
    await store.insert(ITEM_TABLE, newItems);
    await this.insertNewMedia(store, [...newMedia.values()]);
    await store.insert(VERSION_TABLE, newVersions);
    await store.insert(MEDIA_REFERENCE_TABLE, newRefs);
    await store.insert(TOMBSTONE_TABLE, tombstones);
    await this.updateExistingItems(store, changedItems, new Set(newItems.map((r) => r.id)), seen);
    const outbox: OutboxRow[] = [...changedItems.keys()].map((itemId) => ({ itemId, op: 'upsert', createdAt: now, attempts: 0 }));
    await store.insert(OUTBOX_TABLE, outbox);
    await store.flush();
    return result;
  }

  private async updateExistingItems(store: BatchStore, changed: Map<string, ItemState>, inserted: Set<string>, seen: Map<string, Date>): Promise<void> {
    const v = store.values;
    const updates: unknown[][] = [];
    for (const state of changed.values()) {
      if (inserted.has(state.id)) continue;
      const deletedAt = state.deletedAt ? v.datetime(state.deletedAt) : null;
      updates.push([state.status, state.versionCount, v.boolean(state.hasMedia), v.datetime(state.lastSeenAt), deletedAt, state.id]);
    }
    // deletedAt is only ever set here, never cleared: a null parameter keeps the stored value.
    await store.runEach('UPDATE item SET status = ?, versionCount = ?, hasMedia = ?, lastSeenAt = ?, deletedAt = COALESCE(?, deletedAt) WHERE id = ?', updates);
    const touched: unknown[][] = [];
    for (const [id, at] of seen) if (!changed.has(id)) touched.push([v.datetime(at), id]);
    await store.runEach('UPDATE item SET lastSeenAt = ? WHERE id = ?', touched);
  }

  private async insertNewMedia(store: BatchStore, media: MediaRow[]): Promise<void> {
    if (media.length === 0) return;
    const existing = new Set(
      (await store.selectIn<{ sha256: string }>('SELECT sha256 FROM media WHERE sha256 IN $LIST', [], media.map((x) => x.sha256))).map((r) => r.sha256),
    );
    await store.insert(MEDIA_TABLE, media.filter((x) => !existing.has(x.sha256)));
  }
}

export type { Platform };
