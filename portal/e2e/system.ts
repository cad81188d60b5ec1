import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Boots the whole system the way `npm start` does, on free ports and a fresh data dir. */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const startScript = path.join(repoRoot, 'scripts/start.mjs');
const READY_TIMEOUT_MS = 8 * 60_000;

export interface RunningSystem {
  portalUrl: string;
  apiUrl: string;
  log: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function tail(text: string, lines = 60): string {
  return text.split('\n').slice(-lines).join('\n');
}

function preflight(): void {
  if (!existsSync(startScript)) {
    throw new Error(
      `E2E needs ${path.relative(repoRoot, startScript)} (the script behind \`npm start\`), which does not exist in this checkout.`,
    );
  }
  const missing = ['portal/build/server/index.js', 'api/dist/main.js'].filter(
    (p) => !existsSync(path.join(repoRoot, p)),
  );
  if (missing.length > 0) {
    throw new Error(
      `E2E runs the built system, but these are missing: ${missing.join(', ')}. Run \`npm run build\` first.`,
    );
  }
}

async function waitForHttp(url: string, deadline: number, exited: () => boolean): Promise<void> {
  while (Date.now() < deadline && !exited()) {
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const killTimer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 15_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    try {
      // The start script stops its children on SIGTERM; the group kill also covers a stuck child.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(killTimer);
      resolve();
    }
  });
}

export async function startSystem(extraEnv: Record<string, string> = {}): Promise<RunningSystem> {
  preflight();
  const [apiPort, portalPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bewaard-e2e-'));
  const child = spawn(process.execPath, [startScript], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      BEWAARD_DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      PORTAL_PORT: String(portalPort),
      API_URL: `http://127.0.0.1:${apiPort}/graphql`,
      DEMO_ITEMS: '3000',
      ...extraEnv,
    },
  });
  let output = '';
  let exited = false;
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  child.on('exit', () => (exited = true));

  const stop = async () => {
    await stopProcessGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!/^Portal: http/m.test(output) || !/^API: http/m.test(output)) {
      if (exited) throw new Error(`scripts/start.mjs exited before it was ready:\n${tail(output)}`);
      if (Date.now() > deadline)
        throw new Error(
          `scripts/start.mjs was not ready within ${READY_TIMEOUT_MS / 60_000} min:\n${tail(output)}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    // The printed URLs say "localhost"; the servers bind 127.0.0.1, so talk to that directly.
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    await waitForHttp(`${portalUrl}/login`, deadline, () => exited);
    return { portalUrl, apiUrl: `http://127.0.0.1:${apiPort}/graphql`, log: () => tail(output), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
