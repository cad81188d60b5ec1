import fs from 'node:fs';
import path from 'node:path';
import { AuditEventEntity, GENESIS_HASH, auditEventHash, openDatabase } from '@bewaard/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from './run-cli.testkit.js';

describe('bewaard audit verify', () => {
  const env = { BEWAARD_DATA_DIR: tempDataDir() };
  const db = { kind: 'sqlite' as const, file: path.join(env.BEWAARD_DATA_DIR, 'bewaard.sqlite') };
  beforeAll(async () => {
    // A chain as the API writes it: each event hashes its fields and its predecessor's hash.
    const ds = await openDatabase(db);
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq++) {
      const e = { seq, at: new Date(Date.UTC(2026, 0, seq)), userId: null, action: 'search', subject: null, details: `{"query":"dijk ${seq}"}`, ip: '127.0.0.1', userAgent: null, requestId: null, organisationIds: [], prevHash };
      const hash = auditEventHash(e);
      const { organisationIds: _o, ...row } = e;
      await ds.getRepository(AuditEventEntity).insert({ ...row, hash });
      prevHash = hash;
    }
    await ds.destroy();
  });
  afterAll(() => fs.rmSync(env.BEWAARD_DATA_DIR, { recursive: true, force: true }));

  it('reports an intact chain, then the altered event after a row was changed', async () => {
    const ok = await runCli(['audit', 'verify', '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, checked: 3, lastSeq: 3 });

    const ds = await openDatabase(db);
    await ds.getRepository(AuditEventEntity).update({ seq: 2 }, { details: '{"query":"iets anders"}' });
    await ds.destroy();
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('audit trail BROKEN at event 2 (hash-mismatch)');
  });
});
