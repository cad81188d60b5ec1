import { AuthSessionEntity, UserEntity, newId } from '@bewaard/schema';
import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EntityColumns } from './entity-columns.js';
import { RowsByColumn } from './rows-by-column.js';

// Hand-written reads and writes must give what the entity repository gives, value for value,
// on both drivers: dates with milliseconds, booleans, nulls.
describeEachDatabase('EntityColumns', (make) => {
  let db: TestDatabase;
  let ds: DataSource;
  const user: UserEntity = Object.assign(new UserEntity(), {
    id: newId(),
    email: 'kolommen@example.org',
    displayName: 'Kolommen',
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
    disabled: true,
    failedLogins: 3,
    lockedUntil: new Date('2024-05-01T10:00:00.123Z'),
    createdAt: new Date('2024-04-30T23:59:59.999Z'),
  });
  beforeAll(async () => {
    db = await make();
    ds = await db.open();
    await ds.getRepository(UserEntity).insert(user);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.dispose();
  });

  it('reads rows as the repository reads them', async () => {
    const viaRepository = await ds.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    const [viaSql] = await new RowsByColumn(ds, UserEntity, 'id').read([user.id, user.id, user.id]);
    expect(viaSql).toEqual(viaRepository);
    expect(viaSql).toBeInstanceOf(UserEntity);
    expect(viaSql).toMatchObject({
      disabled: true,
      lockedUntil: user.lockedUntil,
      createdAt: user.createdAt,
    });
  });

  it('reads only the asked columns, and nothing for no keys', async () => {
    const [row] = await new RowsByColumn(ds, UserEntity, 'id', ['id', 'email']).read([user.id]);
    expect({ ...row }).toEqual({ id: user.id, email: user.email });
    expect(await new RowsByColumn(ds, UserEntity, 'id').read([])).toEqual([]);
  });

  it('writes values as the repository writes them', async () => {
    const session = new EntityColumns(ds, AuthSessionEntity, 's');
    const row: AuthSessionEntity = Object.assign(new AuthSessionEntity(), {
      tokenHash: 'a'.repeat(64),
      userId: user.id,
      kind: 'api_token' as const,
      label: null,
      createdAt: new Date('2024-05-02T08:30:00.001Z'),
      expiresAt: new Date('2024-06-02T08:30:00.500Z'),
      revokedAt: null,
      lastUsedAt: new Date('2024-05-03T00:00:00.000Z'),
    });
    const props = [
      'tokenHash',
      'userId',
      'kind',
      'label',
      'createdAt',
      'expiresAt',
      'revokedAt',
      'lastUsedAt',
    ] as const;
    await ds.query(
      `INSERT INTO ${session.table} (${props.map((p) => session.name(p)).join(', ')}) VALUES (${props.map(() => '?').join(', ')})`,
      props.map((p) => session.persistent(p, row[p])),
    );
    const stored = await ds.getRepository(AuthSessionEntity).findOneByOrFail({ tokenHash: row.tokenHash });
    expect(stored).toEqual(row);
    // The same rows compare equal to values the repository wrote (what WHERE clauses rely on).
    const [{ n }] = await ds.query<[{ n: number | string }]>(
      `SELECT COUNT(*) AS n FROM ${session.from} WHERE ${session.col('expiresAt')} = ?`,
      [session.persistent('expiresAt', row.expiresAt)],
    );
    expect(Number(n)).toBe(1);
  });
});
