#!/usr/bin/env node
// `npm start`: runs the whole system on one machine — migrations, demo data on an empty archive,
// the API, the index worker and the portal — and stops them all on Ctrl-C.
// Configuration comes from the environment (see README, "Configuration"); defaults need no servers.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.API_PORT ?? '4000';
const portalPort = process.env.PORTAL_PORT ?? '3000';
const env = {
  ...process.env,
  BEWAARD_DATA_DIR: process.env.BEWAARD_DATA_DIR ?? path.join(root, 'data'),
  API_PORT: apiPort,
  API_URL: process.env.API_URL ?? `http://127.0.0.1:${apiPort}/graphql`,
  PORT: portalPort,
  NODE_ENV: process.env.NODE_ENV ?? 'production',
};
const bewaard = path.join(root, 'indexer/bin/bewaard.js');

const setup = spawnSync(process.execPath, [bewaard, 'demo', '--if-empty'], { env, stdio: 'inherit' });
if (setup.status !== 0) {
  console.error('start: preparing the archive failed');
  process.exit(setup.status ?? 1);
}

const children = new Map();
let stopping = false;
function run(name, args, extraEnv = {}, cwd = root) {
  const child = spawn(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], cwd });
  const prefix = (chunk) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}`).join('\n') + '\n';
  child.stdout.on('data', (c) => process.stdout.write(prefix(c)));
  child.stderr.on('data', (c) => process.stderr.write(prefix(c)));
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`start: ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
      void stopAll(1);
    }
  });
  children.set(name, child);
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (children.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children.values()) child.kill('SIGKILL');
  process.exit(exitCode);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

run('api', [path.join(root, 'api/dist/main.js')]);
run('index', [bewaard, 'index-worker']);
// remix-serve finds the browser assets (build/client) relative to its working directory.
run('portal', [path.join(root, 'node_modules/@remix-run/serve/dist/cli.js'), 'build/server/index.js'], { HOST: '127.0.0.1' }, path.join(root, 'portal'));

async function waitFor(url, ok) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (ok(res)) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

const apiUp = await waitFor(`http://127.0.0.1:${apiPort}/health`, (r) => r.ok);
const portalUp = await waitFor(`http://127.0.0.1:${portalPort}/login`, (r) => r.status < 500);
if (!apiUp || !portalUp) {
  console.error(`start: ${!apiUp ? 'the API' : 'the portal'} did not come up within 2 minutes`);
  await stopAll(1);
}
console.log(`
Bewaard is running.
API: http://localhost:${apiPort}/graphql
Portal: http://localhost:${portalPort}
Demo users (password bewaard-demo): admin@example.org, woo@org-a.example.org, archief@org-a.example.org,
  woo@org-b.example.org, onderzoek@example.org
Press Ctrl-C to stop.`);
