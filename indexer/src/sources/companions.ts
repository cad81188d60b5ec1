import path from 'node:path';

/**
 * Files that belong to an export read as a whole by another file's source: the media and viewer
 * files of an unpacked X archive (read through its `data/*.js`), and the actor, media and side
 * files of an unpacked Mastodon archive (read through its `outbox.json`). The import reports them
 * as read with their archive instead of as unknown formats. Returns the file that reads them, or null.
 */
export function companionOf(file: string, allFiles: ReadonlySet<string>): string | null {
  const parts = file.split(path.sep);
  for (let i = parts.length - 1; i >= 1; i--) {
    const root = parts.slice(0, i).join(path.sep);
    const rest = parts.slice(i);
    const manifest = path.join(root, 'data', 'manifest.js');
    if (allFiles.has(manifest) && file !== manifest) {
      const isMedia = rest[0] === 'data' && rest.length === 3 && /_media$/.test(rest[1]!);
      const isViewer = rest[0] === 'assets' || (rest.length === 1 && /\.html?$/i.test(rest[0]!));
      if (isMedia || isViewer) return manifest;
    }
    const outbox = path.join(root, 'outbox.json');
    if (allFiles.has(outbox) && file !== outbox) {
      const side = rest.length === 1 && /^(actor\.json|likes\.json|bookmarks\.json|avatar\.[a-z0-9]+|header\.[a-z0-9]+)$/i.test(rest[0]!);
      if (side || rest[0] === 'media_attachments') return outbox;
    }
  }
  return null;
}
