#!/usr/bin/env node
// The `bewaard` command. The TypeScript is compiled by `npm run build` (or `npm start`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  console.error('bewaard: not built yet. Run `npm run build` in the repository root first.');
  process.exit(1);
}
await import(main);
