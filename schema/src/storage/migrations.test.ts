import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase, type TestDatabase } from '../testing/databases.js';

describeEachDatabase('migrations', (make) => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.dispose();
    db = undefined;
  });

  it('build the schema the entities describe, with nothing left to change', async () => {
    db = await make();
    const ds = await db.open();
    try {
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await ds.showMigrations()).toBe(false);
    } finally {
      await ds.destroy();
    }
  });

  it('can be undone and applied again', async () => {
    db = await make();
    const ds = await db.open();
    try {
      const applied = ds.migrations.length;
      for (let i = 0; i < applied; i++) await ds.undoLastMigration();
      expect(await ds.showMigrations()).toBe(true);
      await ds.runMigrations();
      expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
