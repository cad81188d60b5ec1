/**
 * Writes the API's SDL to schema/schema.graphql (committed, so contract changes show in diffs).
 * `--check` fails when the committed file differs from what the code produces (run in CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchemaWithDirectives } from './print.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/schema.graphql');
const sdl = await printSchemaWithDirectives();
if (process.argv.includes('--check')) {
  const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (committed !== sdl) {
    console.error(`schema/schema.graphql is out of date with the API code: run \`npm run sdl -w @bewaard/api\` and commit it.`);
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the API code');
} else {
  fs.writeFileSync(target, sdl);
  console.log(`wrote ${target}`);
}
