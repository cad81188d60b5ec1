/**
 * How many images or videos an item carries. Only the count is planned: the bytes are made when
 * the capture is rendered, so a large archive does not hold its media in memory.
 */
import type { PlannedItem } from './plan-types.js';
import type { Prng } from './prng.js';

export function planMedia(rng: Prng, item: PlannedItem): void {
  let count = 0;
  // Instagram posts and stories are media by nature; elsewhere organisations add an image only
  // now and then, and citizens almost never.
  if (item.role === 'story') count = 1;
  else if ((item.role === 'post' || item.role === 'quote') && item.platform === 'instagram')
    count = rng.chance(0.7) ? 1 : 2;
  else if (item.role === 'post' && item.kind === 'video') count = rng.chance(0.1) ? 1 : 0;
  else if (item.role === 'post' || item.role === 'quote')
    count = rng.chance(0.03) ? (rng.chance(0.7) ? 1 : 2) : 0;
  else if (item.role === 'citizen-reply') count = rng.chance(0.004) ? 1 : 0;
  item.mediaCount = count;
  // A few media could not be fetched at capture time, so the archive shows how it records a gap.
  if (count > 0 && rng.chance(0.04)) item.missingMediaSlot = rng.int(0, count - 1);
}
