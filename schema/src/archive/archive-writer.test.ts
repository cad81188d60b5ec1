import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ItemVersionEntity } from '../entities/item-version.entity.js';
import { ItemEntity } from '../entities/item.entity.js';
import { MediaEntity } from '../entities/media.entity.js';
import { MediaReferenceEntity } from '../entities/media-reference.entity.js';
import { OutboxEntity } from '../entities/outbox.entity.js';
import { TombstoneEntity } from '../entities/tombstone.entity.js';
import { FileMediaStore } from '../media/media-store.js';
import { aPost } from '../testing/builders.js';
import { describeEachDatabase, type TestDatabase } from '../testing/databases.js';
import { ArchiveWriter } from './archive-writer.js';
import { Registry } from './registry.js';

describeEachDatabase('ArchiveWriter', (make) => {
  let db: TestDatabase;
  let ds: DataSource;
  let mediaDir: string;
  let writer: ArchiveWriter;
  let orgId: string;
  const at = (iso: string) => new Date(iso);

  beforeEach(async () => {
    db = await make();
    ds = await db.open();
    mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-media-'));
    writer = new ArchiveWriter(ds, new FileMediaStore(mediaDir));
    const registry = new Registry(ds);
    orgId = (await registry.ensureOrganisation('org-a', 'Ministerie A')).id;
    await registry.declareAccount({
      organisationSlug: 'org-a',
      platform: 'x',
      platformAccountId: '100',
      handle: 'ministerie_a',
      displayName: 'Ministerie A',
      kind: 'organisation',
      keyOfficial: false,
    });
    writer.accountsChanged();
  });
  afterEach(async () => {
    await ds.destroy();
    await db.dispose();
    fs.rmSync(mediaDir, { recursive: true, force: true });
  });

  it('stores a new item with one version and announces it in the outbox', async () => {
    const r = await writer.write(orgId, [{ item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') }]);
    expect(r).toMatchObject({ newItems: 1, newVersions: 0, unchanged: 0 });
    const item = await ds
      .getRepository(ItemEntity)
      .findOneByOrFail({ platformItemId: '1576994746135764992' });
    expect(item).toMatchObject({ status: 'live', versionCount: 1, organisationId: orgId });
    expect(item.accountId).not.toBeNull();
    expect(item.createdAt.toISOString()).toBe('2024-03-01T10:00:00.000Z');
    const versions = await ds.getRepository(ItemVersionEntity).findBy({ itemId: item.id });
    expect(versions.map((v) => v.text)).toEqual(['De dijkversterking bij Kampen begint maandag.']);
    expect(versions[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(versions[0]!.raw).toEqual({ format: 'test', body: '{}' });
    expect(await ds.getRepository(OutboxEntity).countBy({ itemId: item.id })).toBe(1);
  });

  it('stores content with a lone surrogate as well-formed text (U+FFFD), beside the other items of its batch, and idempotently', async () => {
    const cut = aPost({
      platformItemId: '1576994746135764993',
      content: { ...aPost().content, text: 'Half emoji \ud83d einde', hashtags: ['x\udc00'] },
    });
    const captures = [
      { item: cut, capturedAt: at('2024-03-01T11:00:00Z') },
      { item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') },
    ];
    expect(await writer.write(orgId, captures)).toMatchObject({ newItems: 2 });
    const item = await ds
      .getRepository(ItemEntity)
      .findOneByOrFail({ platformItemId: '1576994746135764993' });
    const [version] = await ds.getRepository(ItemVersionEntity).findBy({ itemId: item.id });
    expect(version!.text).toBe('Half emoji \ufffd einde');
    expect(version!.content).toMatchObject({ text: 'Half emoji \ufffd einde', hashtags: ['x\ufffd'] });
    expect(await writer.write(orgId, captures)).toMatchObject({ newItems: 0, newVersions: 0, unchanged: 2 });
  });

  it('changes nothing when the same capture is written again', async () => {
    await writer.write(orgId, [{ item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') }]);
    const again = await writer.write(orgId, [{ item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') }]);
    expect(again).toMatchObject({ newItems: 0, newVersions: 0, unchanged: 1, deleted: 0 });
    expect(await ds.getRepository(ItemVersionEntity).count()).toBe(1);
    expect(await ds.getRepository(OutboxEntity).count()).toBe(1);
  });

  it('keeps every version of an edited item, in platform order even when they arrive reversed', async () => {
    const v1 = aPost({
      text: 'Eerste versie',
      edit: { platformVersionId: '1', editedAt: null, position: 0 },
    });
    const v2 = aPost({
      text: 'Tweede versie',
      edit: { platformVersionId: '2', editedAt: at('2024-03-01T10:05:00Z'), position: 1 },
    });
    await writer.write(orgId, [{ item: v2, capturedAt: at('2024-03-02T00:00:00Z') }]);
    const r = await writer.write(orgId, [{ item: v1, capturedAt: at('2024-03-03T00:00:00Z') }]);
    expect(r.newVersions).toBe(1);
    const item = await ds.getRepository(ItemEntity).findOneByOrFail({ platformItemId: v1.platformItemId });
    expect(item).toMatchObject({ status: 'edited', versionCount: 2 });
    const versions = await ds
      .getRepository(ItemVersionEntity)
      .find({ where: { itemId: item.id }, order: { editPosition: 'ASC' } });
    expect(versions.map((v) => [v.editPosition, v.text])).toEqual([
      [0, 'Eerste versie'],
      [1, 'Tweede versie'],
    ]);
  });

  it('counts an edit that arrives in the same batch as its item as a new version', async () => {
    const r = await writer.write(orgId, [
      { item: aPost({ text: 'Eerste versie' }), capturedAt: at('2024-03-01T11:00:00Z') },
      { item: aPost({ text: 'Tweede versie' }), capturedAt: at('2024-03-01T12:00:00Z') },
    ]);
    expect(r).toMatchObject({ newItems: 1, newVersions: 1, unchanged: 0 });
    const item = await ds
      .getRepository(ItemEntity)
      .findOneByOrFail({ platformItemId: '1576994746135764992' });
    expect(item).toMatchObject({ status: 'edited', versionCount: 2 });
  });

  it('marks a deleted item with a tombstone and never removes its versions', async () => {
    await writer.write(orgId, [{ item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') }]);
    const notice = {
      platform: 'x' as const,
      platformItemId: '1576994746135764992',
      detectedAt: at('2024-04-01T00:00:00Z'),
      method: 'x-compliance',
      platformDeletedAt: null,
    };
    const r = await writer.write(orgId, [], [notice, { ...notice, platformItemId: '42' }]);
    expect(r.deleted).toBe(1);
    expect(r.unknownDeletions.map((d) => d.platformItemId)).toEqual(['42']);
    const item = await ds
      .getRepository(ItemEntity)
      .findOneByOrFail({ platformItemId: '1576994746135764992' });
    expect(item.status).toBe('deleted');
    expect(item.deletedAt?.toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect(await ds.getRepository(TombstoneEntity).findBy({ itemId: item.id })).toHaveLength(1);
    expect(await ds.getRepository(ItemVersionEntity).countBy({ itemId: item.id })).toBe(1);
    expect((await writer.write(orgId, [], [notice])).deleted).toBe(0);
  });

  it('stores media once by content hash and records media that could not be obtained', async () => {
    const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const media = [
      {
        originalUrl: 'https://example.org/a.png',
        mimeType: 'image/png',
        altText: 'kaart',
        bytes: png,
        missingReason: null,
      },
      {
        originalUrl: 'https://example.org/gone.png',
        mimeType: 'image/png',
        altText: null,
        bytes: null,
        missingReason: 'HTTP 404',
      },
    ];
    const a = aPost({ platformItemId: '1' });
    const b = aPost({ platformItemId: '2' });
    a.content.media = media;
    b.content.media = [media[0]!];
    await writer.write(orgId, [
      { item: a, capturedAt: at('2024-03-01T11:00:00Z') },
      { item: b, capturedAt: at('2024-03-01T11:00:00Z') },
    ]);
    expect(await ds.getRepository(MediaEntity).count()).toBe(1);
    const refs = await ds.getRepository(MediaReferenceEntity).find({ order: { position: 'ASC' } });
    expect(refs.filter((r) => r.status === 'missing').map((r) => r.missingReason)).toEqual(['HTTP 404']);
    const sha = refs.find((r) => r.sha256)!.sha256!;
    expect(fs.readFileSync(path.join(mediaDir, 'sha256', sha.slice(0, 2), sha.slice(2, 4), sha))).toEqual(
      Buffer.from(png),
    );
  });

  it('keeps the same platform item apart per organisation', async () => {
    const other = (await new Registry(ds).ensureOrganisation('org-b', 'Ministerie B')).id;
    await writer.write(orgId, [{ item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') }]);
    const r = await writer.write(other, [{ item: aPost(), capturedAt: at('2024-03-01T11:00:00Z') }]);
    expect(r.newItems).toBe(1);
    expect(await ds.getRepository(ItemEntity).count()).toBe(2);
  });
});
