import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITIES } from '../entities/index.js';
import { ARCHIVE_TABLES, type TableSpec } from './archive-tables.js';
import { SQLITE_VALUES, sqliteDatetime } from './value-encoding.js';

const sampleDate = new Date('2024-03-01T10:00:07.004Z');
const sampleRows: Record<string, Record<string, unknown>> = {
  item: {
    id: 'i1', organisationId: 'o1', platform: 'x', platformItemId: '1', kind: 'post', authorId: 'a1', accountId: null,
    conversationPlatformId: '1', inReplyToPlatformId: null, quotedPlatformId: null, repostOfPlatformId: null, url: null,
    createdAt: sampleDate, status: 'live', firstSeenAt: sampleDate, lastSeenAt: sampleDate, deletedAt: null,
    versionCount: 1, hasMedia: true, language: 'nl',
  },
  item_version: {
    id: 'v1', itemId: 'i1', versionNo: 1, editPosition: 0, platformVersionId: '1', platformEditedAt: sampleDate,
    contentHash: 'ab', text: 'tekst', content: { text: 'tekst "quoted"', media: [] }, raw: { format: 'twarc2', body: '{"a":1}' },
    capturedAt: sampleDate, captureRunId: null,
  },
  actor: { id: 'a1', platform: 'x', platformActorId: '100', handle: 'h', displayName: null, accountId: null, createdAt: sampleDate },
  media: { sha256: 'ff', mimeType: 'image/png', size: 7, firstSeenAt: sampleDate },
  media_reference: { id: 'r1', versionId: 'v1', position: 0, sha256: null, originalUrl: 'u', mimeType: null, altText: null, status: 'missing', missingReason: 'not fetched' },
  tombstone: { id: 't1', itemId: 'i1', detectedAt: sampleDate, method: 'x-compliance', platformDeletedAt: null, captureRunId: null, detail: null },
  search_outbox: { itemId: 'i1', op: 'upsert', createdAt: sampleDate, attempts: 0 },
};

describe('the archive writer’s table layouts', () => {
  // An empty in-memory database: only the entity metadata and the driver are used.
  const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES });
  beforeAll(async () => {
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
  });
  const metadataOf = (spec: TableSpec<never>) => ds.entityMetadatas.find((m) => m.tableName === spec.table)!;

  it.each(ARCHIVE_TABLES.map((spec) => [spec.table, spec as TableSpec<never>] as const))(
    '%s lists every column the entity inserts',
    (_table, spec) => {
      const columns = metadataOf(spec).columns.filter((c) => !(c.isGenerated && c.generationStrategy === 'increment'));
      expect([...spec.columns].sort()).toEqual(columns.map((c) => c.databaseName).sort());
    },
  );

  it.each(ARCHIVE_TABLES.map((spec) => [spec.table, spec as TableSpec<never>] as const))(
    '%s binds on SQLite exactly the values TypeORM would',
    (table, spec) => {
      const row = sampleRows[table]!;
      const meta = metadataOf(spec);
      const typeorm = spec.columns.map((name) => {
        const column = meta.findColumnWithDatabaseName(name)!;
        return ds.driver.preparePersistentValue(row[column.propertyName], column) as unknown;
      });
      // JSON columns reach the writer as the JSON text made when the item was prepared.
      const prepared =
        table === 'item_version' ? { ...row, payload: { text: row.text, contentJson: JSON.stringify(row.content), rawJson: JSON.stringify(row.raw) } } : row;
      expect(spec.values(prepared as never, SQLITE_VALUES)).toEqual(typeorm);
    },
  );

  it('formats dates as TypeORM does, also when times repeat and alternate', () => {
    const column = metadataOf(ARCHIVE_TABLES[0]).findColumnWithPropertyName('createdAt')!;
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const capture = new Date('2026-11-25T08:12:00.999Z');
    const edges = [-62167219200000, -62167219200001, 253402300799999, 253402300800000, -1, 0, 86_399_999, 86_400_000];
    const times = [...edges, ...Array.from({ length: 3000 }, () => Math.round((rnd() - 0.3) * 4e12))];
    for (const t of times) {
      for (const d of [new Date(t), capture, capture, new Date(t), new Date(t + 1)]) {
        expect(sqliteDatetime(d)).toBe(ds.driver.preparePersistentValue(d, column));
      }
    }
  });

  it('formats dates outside the ISO years as TypeORM does', () => {
    const column = metadataOf(ARCHIVE_TABLES[0]).findColumnWithPropertyName('createdAt')!;
    for (const d of [new Date('0099-01-02T03:04:05.006Z'), new Date(Date.UTC(10000, 0, 1)), new Date(Date.UTC(-5, 0, 1)), new Date(NaN)]) {
      expect(sqliteDatetime(d)).toBe(ds.driver.preparePersistentValue(d, column));
    }
  });
});
