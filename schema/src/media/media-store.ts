import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Content-addressed storage of media bytes: a file is named by its SHA-256, so copies deduplicate. */
export interface MediaStore {
  /** Stores the bytes (idempotent) and returns their SHA-256 and size. */
  put(bytes: Uint8Array): Promise<{ sha256: string; size: number }>;
  has(sha256: string): Promise<boolean>;
  /** Absolute path of a stored file, for streaming it out; null when absent. */
  locate(sha256: string): Promise<string | null>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Files under `<root>/sha256/ab/cd/<hash>`; written to a temp file and renamed, so a crash never leaves half a file. */
export class FileMediaStore implements MediaStore {
  constructor(private readonly root: string) {}

  private pathFor(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
    return path.join(this.root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const target = this.pathFor(sha256);
    if (!(await this.has(sha256))) {
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes);
      await fs.promises.rename(tmp, target);
    }
    return { sha256, size: bytes.byteLength };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.promises.access(this.pathFor(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async locate(sha256: string): Promise<string | null> {
    return (await this.has(sha256)) ? this.pathFor(sha256) : null;
  }
}
