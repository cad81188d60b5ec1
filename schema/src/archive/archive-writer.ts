import type { DataSource, EntityManager } from 'typeorm';
import { ItemStatus, MediaStatus, type Platform } from '../domain/enums.js';
import type { DeletionNotice, NormalisedItem } from '../domain/normalised-item.js';
import { ItemVersionEntity } from '../entities/item-version.entity.js';
import { ItemEntity } from '../entities/item.entity.js';
import { MediaReferenceEntity } from '../entities/media-reference.entity.js';
import { MediaEntity } from '../entities/media.entity.js';
import { OutboxEntity } from '../entities/outbox.entity.js';
import { TombstoneEntity } from '../entities/tombstone.entity.js';
import type { MediaStore } from '../media/media-store.js';
import { newId } from '../util/ids.js';
import { ActorResolver } from './actor-resolver.js';
import { bulkInsert } from './bulk-insert.js';
import { loadItemStates, type ItemState } from './item-state.js';
import { contentHash, toStoredContent, type StoredMediaRef } from './stored-content.js';

export interface Capture {
  item: NormalisedItem;
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
    // Media bytes go to the content-addressed store first: idempotent, and harmless if the transaction fails.
    const mediaRefs = await Promise.all(captures.map((c) => this.storeMedia(c.item)));
    try {
      const result = await this.ds.transaction((m) =>
        this.writeInTransaction(m, organisationId, captures, mediaRefs, deletions, captureRunId),
      );
      this.actors.commit();
      return result;
    } catch (err) {
      this.actors.rollback();
      throw err;
    }
  }

  private async storeMedia(item: NormalisedItem): Promise<Array<StoredMediaRef & { size: number | null; missingReason: string | null }>> {
    return Promise.all(
      item.content.media.map(async (m) => {
        if (!m.bytes) {
          return { sha256: null, size: null, originalUrl: m.originalUrl, mimeType: m.mimeType, altText: m.altText, missingReason: m.missingReason ?? 'not fetched' };
        }
        const { sha256, size } = await this.media.put(m.bytes);
        return { sha256, size, originalUrl: m.originalUrl, mimeType: m.mimeType, altText: m.altText, missingReason: null };
      }),
    );
  }

  private async writeInTransaction(
    m: EntityManager,
    organisationId: string,
    captures: Capture[],
    mediaRefs: Array<Array<StoredMediaRef & { size: number | null; missingReason: string | null }>>,
    deletions: DeletionNotice[],
    captureRunId: string | null,
  ): Promise<BatchResult> {
    const now = new Date();
    const result: BatchResult = { newItems: 0, newVersions: 0, unchanged: 0, deleted: 0, unknownDeletions: [] };
    const actorOf = await this.actors.resolve(m, captures.map((c) => ({ platform: c.item.platform, actor: c.item.author })), now);
    const wanted = [
      ...captures.map((c) => ({ platform: c.item.platform, platformItemId: c.item.platformItemId })),
      ...deletions.map((d) => ({ platform: d.platform, platformItemId: d.platformItemId })),
    ];
    const states = await loadItemStates(m, organisationId, wanted);

    const newItems: ItemEntity[] = [];
    const newVersions: ItemVersionEntity[] = [];
    const newRefs: MediaReferenceEntity[] = [];
    const newMedia = new Map<string, MediaEntity>();
    const changedItems = new Map<string, ItemState>();
    const seen = new Map<string, Date>();

    captures.forEach(({ item, capturedAt }, i) => {
      const refs = mediaRefs[i] ?? [];
      const stored = toStoredContent(item.content, refs.map(({ sha256, originalUrl, mimeType, altText }) => ({ sha256, originalUrl, mimeType, altText })));
      const hash = contentHash(stored);
      const key = `${item.platform}\u0000${item.platformItemId}`;
      let state = states.get(key);
      if (!state) {
        const author = actorOf(item.platform, item.author.platformActorId);
        const row = Object.assign(new ItemEntity(), {
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
          language: item.content.language,
        });
        newItems.push(row);
        state = { id: row.id, status: row.status, versionCount: 0, hashes: new Set(), hasMedia: false, lastSeenAt: capturedAt, isNew: true };
        states.set(key, state);
        result.newItems++;
      }
      if (state.hashes.has(hash)) {
        result.unchanged++;
        if (capturedAt > state.lastSeenAt) seen.set(state.id, capturedAt);
        return;
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
      const version = Object.assign(new ItemVersionEntity(), {
        id: newId(),
        itemId: state.id,
        versionNo: state.versionCount,
        editPosition: item.edit?.position ?? null,
        platformVersionId: item.edit?.platformVersionId ?? null,
        platformEditedAt: item.edit?.editedAt ?? null,
        contentHash: hash,
        text: item.content.text,
        content: stored,
        raw: item.raw,
        capturedAt,
        captureRunId,
      });
      newVersions.push(version);
      refs.forEach((r, position) => {
        if (r.sha256 && r.size !== null && !newMedia.has(r.sha256)) {
          newMedia.set(r.sha256, Object.assign(new MediaEntity(), { sha256: r.sha256, mimeType: r.mimeType, size: r.size, firstSeenAt: capturedAt }));
        }
        newRefs.push(Object.assign(new MediaReferenceEntity(), {
          id: newId(),
          versionId: version.id,
          position,
          sha256: r.sha256,
          originalUrl: r.originalUrl,
          mimeType: r.mimeType,
          altText: r.altText,
          status: r.sha256 ? MediaStatus.STORED : MediaStatus.MISSING,
          missingReason: r.missingReason,
        }));
      });
    });

    const tombstones: TombstoneEntity[] = [];
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
      tombstones.push(Object.assign(new TombstoneEntity(), {
        id: newId(),
        itemId: state.id,
        detectedAt: d.detectedAt,
        method: d.method,
        platformDeletedAt: d.platformDeletedAt,
        captureRunId,
        detail: null,
      }));
    }

    for (const row of newItems) {
      const state = changedItems.get(row.id)!;
      Object.assign(row, {
        status: state.status,
        versionCount: state.versionCount,
        hasMedia: state.hasMedia,
        lastSeenAt: state.lastSeenAt,
        deletedAt: state.deletedAt ?? null,
      });
    }
    await bulkInsert(m, ItemEntity, newItems);
    await this.insertNewMedia(m, [...newMedia.values()]);
    await bulkInsert(m, ItemVersionEntity, newVersions);
    await bulkInsert(m, MediaReferenceEntity, newRefs);
    await bulkInsert(m, TombstoneEntity, tombstones);
    const inserted = new Set(newItems.map((r) => r.id));
    for (const state of changedItems.values()) {
      if (inserted.has(state.id)) continue;
      await m.getRepository(ItemEntity).update(state.id, {
        status: state.status,
        versionCount: state.versionCount,
        hasMedia: state.hasMedia,
        lastSeenAt: state.lastSeenAt,
        ...(state.deletedAt ? { deletedAt: state.deletedAt } : {}),
      });
    }
    for (const [id, at] of seen) {
      if (!changedItems.has(id)) await m.getRepository(ItemEntity).update(id, { lastSeenAt: at });
    }
    const outbox = [...changedItems.keys()].map((itemId) =>
      Object.assign(new OutboxEntity(), { itemId, op: 'upsert' as const, createdAt: now, attempts: 0 }),
    );
    await bulkInsert(m, OutboxEntity, outbox);
    return result;
  }

  private async insertNewMedia(m: EntityManager, media: MediaEntity[]): Promise<void> {
    if (media.length === 0) return;
    const existing = new Set(
      (await m.getRepository(MediaEntity).createQueryBuilder('m').select('m.sha256', 'sha256')
        .where('m.sha256 IN (:...ids)', { ids: media.map((x) => x.sha256) }).getRawMany<{ sha256: string }>()).map((r) => r.sha256),
    );
    await bulkInsert(m, MediaEntity, media.filter((x) => !existing.has(x.sha256)));
  }
}

export type { Platform };
