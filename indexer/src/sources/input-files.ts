import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The files to import under a path: the path itself when it is a file, else every file below the
 * folder, recursively, sorted by path (code-unit order, not locale order) so that two runs over
 * the same folder import in the same order.
 *
 * Hidden entries (".DS_Store", ".git/") are skipped: they are never captures. Symbolic links to
 * files are followed; links to folders are not (a link cycle would never end).
 */
export async function listInputFiles(pathOrDir: string): Promise<string[]> {
  const info = await stat(pathOrDir);
  if (!info.isDirectory()) return [pathOrDir];
  const files: string[] = [];
  await walk(pathOrDir, files);
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function walk(dir: string, files: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk(path, files);
    else if (entry.isFile()) files.push(path);
    else if (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isFile()) files.push(path);
  }
}
