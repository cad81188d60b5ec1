import type { NormalisedActor } from '@bewaard/schema';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isJsonObject, type JsonObject } from '../json.js';
import { InvalidRecordError, optionalObject, optionalString, requireId } from '../twarc2/twarc2.fields.js';
import { parseTwitterDate } from '../twitter-v1/twitter-v1.dates.js';
import { parseArchivePrefix } from './x-archive.prefix.js';

/**
 * Archive tweets carry no author: every tweet in an archive is the owner's. The owner is read from
 * `manifest.js` (`userInfo.accountId/userName/displayName`, plus `archiveInfo.generationDate`, the
 * moment the export was made) or, in older archives without a manifest, from `account.js`
 * (`account.accountId/username/accountDisplayName`), found in the same folder (or the zip).
 *
 * Without either, the owner is unknown: items then get the author ARCHIVE_OWNER_UNKNOWN
 * (platformActorId `archive-owner`, no handle). That id is shared by every archive imported
 * without its manifest, so such items should be imported with the manifest beside them.
 */
export interface ArchiveOwner {
  actor: NormalisedActor;
  /** When X generated the archive (manifest only). */
  generatedAt: Date | null;
}

export const ARCHIVE_OWNER_UNKNOWN: NormalisedActor = { platformActorId: 'archive-owner', handle: null, displayName: null };

/** @throws InvalidRecordError when the file is not a manifest with userInfo.accountId. */
export function ownerFromManifest(bytes: Buffer): ArchiveOwner {
  const config = parseArchiveJs(bytes, 'manifest.js');
  if (!isJsonObject(config)) throw new InvalidRecordError('manifest.js does not hold a JSON object');
  const userInfo = optionalObject(config, 'userInfo');
  if (userInfo === null) throw new InvalidRecordError('manifest.js has no userInfo');
  const archiveInfo = optionalObject(config, 'archiveInfo');
  const generation = archiveInfo && optionalString(archiveInfo, 'generationDate');
  return {
    actor: actor(userInfo, 'accountId', 'userName', 'displayName', 'manifest.js userInfo'),
    generatedAt: generation === null ? null : parseTwitterDate(generation),
  };
}

/** @throws InvalidRecordError when the file is not an account.js with an accountId. */
export function ownerFromAccount(bytes: Buffer): ArchiveOwner {
  const list = parseArchiveJs(bytes, 'account.js');
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  const account = isJsonObject(first) ? optionalObject(first, 'account') : null;
  if (account === null) throw new InvalidRecordError('account.js does not hold [{"account": {…}}]');
  return { actor: actor(account, 'accountId', 'username', 'accountDisplayName', 'account.js account'), generatedAt: null };
}

function actor(object: JsonObject, idField: string, handleField: string, nameField: string, where: string): NormalisedActor {
  return {
    platformActorId: requireId(object, idField, where),
    handle: optionalString(object, handleField),
    displayName: optionalString(object, nameField),
  };
}

/** The JSON after the `window.… =` prefix (small files only: manifest, account). */
export function parseArchiveJs(bytes: Buffer, name: string): unknown {
  const prefix = parseArchivePrefix(bytes.subarray(0, 1024));
  if (prefix === null) throw new InvalidRecordError(`${name} does not start with window.YTD.… = or window.__THAR_CONFIG =`);
  const body = bytes.subarray(prefix.bodyOffset).toString('utf8').trim().replace(/;$/, '');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new InvalidRecordError(`${name} is not valid JSON after its prefix (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The owner for a data file in an unpacked archive: manifest.js, else account.js, in its folder.
 * A broken manifest is not reported here: it is reported when manifest.js itself is imported.
 */
export async function ownerBeside(dir: string): Promise<ArchiveOwner | null> {
  for (const [name, parse] of [['manifest.js', ownerFromManifest], ['account.js', ownerFromAccount]] as const) {
    const bytes = await readFile(join(dir, name)).catch(() => null);
    if (bytes === null) continue;
    try {
      return parse(bytes);
    } catch (error) {
      if (!(error instanceof InvalidRecordError)) throw error;
    }
  }
  return null;
}
