import type { NormalisedMedia } from '@bewaard/schema';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/**
 * The bytes of a DYI attachment. Its `uri` is a path relative to the export's root folder
 * ("posts/media/…jpg", "media/posts/202107/…jpg"), and the JSON file sits one to three folders
 * below that root depending on the export version, so the folders above the JSON file are tried
 * in turn. A uri that climbs out of the export ("../") or is absolute is never followed.
 */

const MAX_ROOT_DEPTH = 4;
const MAX_MEDIA_BYTES = 512 * 1024 * 1024;

export async function resolveDyiMedia(jsonFile: string, uri: string, media: NormalisedMedia): Promise<NormalisedMedia> {
  if (/^https?:\/\//i.test(uri)) return { ...media, originalUrl: uri };
  const relative = normalize(uri);
  if (isAbsolute(uri) || relative.startsWith(`..${sep}`) || relative === '..')
    return { ...media, missingReason: `attachment path ${JSON.stringify(uri)} points outside the export; not read` };

  let folder = dirname(jsonFile);
  for (let depth = 0; depth <= MAX_ROOT_DEPTH; depth += 1) {
    const candidate = join(folder, relative);
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) {
      if (info.size > MAX_MEDIA_BYTES)
        return { ...media, missingReason: `${uri} is ${info.size} bytes, more than ${MAX_MEDIA_BYTES}; not read` };
      return { ...media, bytes: new Uint8Array(await readFile(candidate)), missingReason: null };
    }
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return { ...media, missingReason: `${uri} is not in the export folder around ${jsonFile} (exported without media, or moved)` };
}
