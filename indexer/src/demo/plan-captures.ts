/**
 * When each item is captured, and its edits. The demo is loaded through the archive's normal write
 * path in capture order, so that order must be one a real harvest could produce.
 */
import { makeId } from './plan-item-ids.js';
import type { PlanState } from './plan-state.js';
import type { PlannedItem } from './plan-types.js';
import { PLATFORM_STYLE } from './platform-style.js';
import { DAY, HOUR, MINUTE, SECOND } from './time-units.js';

const EDIT_PROBABILITY = 0.04;

/**
 * First capture after the item and after anything it points at, so a store never sees a
 * reply before its parent; edit versions follow, each captured after its edit.
 */
export function planCaptures(
  state: PlanState,
  item: PlannedItem,
  references: Array<PlannedItem | null>,
): void {
  const rng = state.rng;
  let earliest = 0;
  for (const ref of references)
    if (ref) earliest = Math.max(earliest, ref.capturedAt + rng.int(1, 300) * SECOND);
  const style = PLATFORM_STYLE[item.platform];
  const editable =
    style.editable &&
    item.kind !== 'message' &&
    item.role !== 'repost' &&
    item.role !== 'story' &&
    rng.chance(EDIT_PROBABILITY);
  if (!editable) {
    const delay = 2 * MINUTE + Math.min(rng.exponential(5 * HOUR), 40 * HOUR);
    item.capturedAt = Math.max(item.createdAt + delay, earliest) + rng.int(0, 999);
    return;
  }
  // An edited item must be captured before its first edit, or the archive would never see the original.
  item.capturedAt = Math.max(item.createdAt + rng.int(30, 240) * SECOND, earliest) + rng.int(0, 999);
  const versions = rng.chance(0.25) ? 3 : 2;
  let previousCapture = item.capturedAt;
  for (let v = 1; v < versions; v++) {
    let editedAt: number;
    if (item.platform === 'x') {
      // X allows edits only within the first hour.
      editedAt = previousCapture + rng.int(1, 12) * MINUTE;
      if (editedAt > item.createdAt + 59 * MINUTE) break;
    } else {
      editedAt = previousCapture + 10 * MINUTE + Math.min(rng.exponential(2 * DAY), 30 * DAY);
    }
    editedAt = Math.floor(editedAt / SECOND) * SECOND;
    const capturedAt = editedAt + rng.int(60, 6 * 3600) * SECOND + rng.int(0, 999);
    // On X every version is a tweet of its own, with an id issued at the moment of the edit.
    const platformVersionId =
      item.platform === 'x' ? makeId(state, { ...item, parent: null, root: null }, editedAt) : null;
    item.laterVersions.push({ editedAt, capturedAt, platformVersionId });
    previousCapture = capturedAt;
  }
}
