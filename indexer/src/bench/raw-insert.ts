import Database from 'better-sqlite3';
import { newId, openDatabase } from '@bewaard/schema';
import type { IngestFigure } from './ingest.bench.js';

/**
 * The engine's own ceiling for the same work: better-sqlite3 prepared statements writing the same
 * rows (organisation, actor, item, version with its JSON content and raw payload, outbox) into
 * Bewaard's real migrated schema — same indexes, same foreign keys — in one transaction per 500
 * items, with no parsing, hashing, lookups or ORM. Bewaard's import rate is compared with this.
 */
export async function rawSqliteInsertRate(count: number, file: string, sampleRaw: string): Promise<IngestFigure> {
  const ds = await openDatabase({ kind: 'sqlite', file });
  await ds.destroy();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -65536');
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const orgId = newId();
  const actorId = newId();
  db.prepare('INSERT INTO organisation (id, slug, name, createdAt) VALUES (?,?,?,?)').run(orgId, 'raw', 'Raw', now);
  db.prepare('INSERT INTO actor (id, platform, platformActorId, handle, displayName, accountId, createdAt) VALUES (?,?,?,?,?,?,?)').run(actorId, 'x', '1', 'a', 'A', null, now);
  const insItem = db.prepare(`INSERT INTO item (id, organisationId, platform, platformItemId, kind, authorId, accountId, conversationPlatformId,
    inReplyToPlatformId, quotedPlatformId, repostOfPlatformId, url, createdAt, status, firstSeenAt, lastSeenAt, deletedAt, versionCount, hasMedia, language)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insVersion = db.prepare(`INSERT INTO item_version (id, itemId, versionNo, editPosition, platformVersionId, platformEditedAt, contentHash, text, content, raw, capturedAt, captureRunId)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`);
  const insOutbox = db.prepare('INSERT INTO search_outbox (itemId, op, createdAt, attempts) VALUES (?,?,?,?)');
  const text = 'dijk polder gemaal subsidie regeling woningbouw stikstof waterpeil kwelder vergunning bewoners #nr1';
  const content = JSON.stringify({ text, title: null, language: 'nl', links: [], hashtags: ['nr1'], mentions: [], media: [], warning: null });
  const raw = JSON.stringify({ format: 'twarc2', body: sampleRaw });
  const hash = 'a'.repeat(64);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = newId();
      const pid = String(1_500_000_000_000_000_000n + BigInt(i));
      insItem.run(id, orgId, 'x', pid, 'post', actorId, null, pid, null, null, null, `https://x.com/a/status/${pid}`, now, 'live', now, now, null, 1, 0, 'nl');
      insVersion.run(newId(), id, 1, 0, pid, null, hash, text, content, raw, now, null);
      insOutbox.run(id, 'upsert', now, 0);
    }
  });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < count; i += 500) batch(i, Math.min(count, i + 500));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  db.close();
  return {
    engine: 'raw better-sqlite3, same rows into the same schema',
    items: count,
    seconds,
    itemsPerSecond: Math.round(count / seconds),
    peakRssMb: Math.round(process.memoryUsage().rss / 1048576),
  };
}
