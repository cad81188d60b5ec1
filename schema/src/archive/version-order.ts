/** The fields that decide where a version sits in an item's history. */
export interface VersionOrderKey {
  versionNo: number;
  editPosition: number | null;
}

/**
 * Display order of an item's versions, oldest first. A platform-stated edit position wins
 * (versions of an edit chain may arrive out of order, from different files); otherwise the order
 * in which versions were stored. The last one is the current version.
 */
export function compareVersions(a: VersionOrderKey, b: VersionOrderKey): number {
  const pa = a.editPosition ?? Number.POSITIVE_INFINITY;
  const pb = b.editPosition ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.versionNo - b.versionNo;
}

export function orderVersions<T extends VersionOrderKey>(versions: readonly T[]): T[] {
  return [...versions].sort(compareVersions);
}
