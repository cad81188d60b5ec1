import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../cli/run-cli.testkit.js';
import { listZipEntries, readZipEntry } from './zip-entries.js';

const WACZ = path.join(FIXTURES, 'wacz/valid_signed_example_1.wacz');

describe('zip entries', () => {
  it('lists and reads the entries of a real WACZ (a zip)', async () => {
    const names = (await listZipEntries(WACZ)).map((e) => e.name);
    expect(names).toContain('datapackage.json');
    const pkg = JSON.parse((await readZipEntry(WACZ, 'datapackage.json'))!.toString('utf8')) as { resources: unknown[] };
    expect(Array.isArray(pkg.resources)).toBe(true);
    expect(await readZipEntry(WACZ, 'no/such/entry')).toBeNull();
  });

  it('rejects a file that is not a zip with an error naming it', async () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-zip-')), 'broken.zip');
    fs.writeFileSync(bad, 'PK\u0003\u0004 not really a zip');
    await expect(listZipEntries(bad)).rejects.toThrow();
  });
});
