/**
 * Writes a new migration for each driver from the difference between the entities and the
 * schema the existing migrations build. Run: `node dist/storage/generate-migration.js <Name>`
 * (needs the MariaDB of TEST_MARIADB_URL). Review the generated files before committing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDataSource, type DatabaseConfig } from './data-source.js';
import { withTemporaryMariaDb } from './temporary-database.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const srcMigrations = path.resolve(here, '../../src/migrations');

async function pendingQueries(db: DatabaseConfig) {
  const ds = createDataSource(db);
  await ds.initialize();
  try {
    await ds.runMigrations();
    return await ds.driver.createSchemaBuilder().log();
  } finally {
    await ds.destroy();
  }
}

function render(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function write(driver: 'sqlite' | 'mariadb', name: string, up: string[], down: string[]) {
  if (up.length === 0) {
    console.log(`${driver}: entities and migrations agree; nothing to write`);
    return;
  }
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const file = path.join(srcMigrations, driver, `${stamp}-${name}.ts`);
  fs.writeFileSync(file, render(className, up, down));
  console.log(`${driver}: wrote ${path.relative(process.cwd(), file)} (${up.length} statements); add it to index.ts`);
}

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'bewaard-gen-'));
const sqlite = await pendingQueries({ kind: 'sqlite', file: path.join(tmp, 'gen.sqlite') });
write('sqlite', name, sqlite.upQueries.map((q) => q.query), sqlite.downQueries.reverse().map((q) => q.query));
await withTemporaryMariaDb(async (url) => {
  const maria = await pendingQueries({ kind: 'mariadb', url });
  write('mariadb', name, maria.upQueries.map((q) => q.query), maria.downQueries.reverse().map((q) => q.query));
});
