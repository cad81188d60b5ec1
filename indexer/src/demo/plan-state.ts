/**
 * What every planning step shares. All steps draw from one PRNG stream, so the order in which they
 * are called fixes the archive: a step that moves or gains a draw changes every item after it.
 */
import type { Platform } from '@bewaard/schema';
import { CitizenPool, MAX_CITIZENS } from './citizens.js';
import { DEMO_ACCOUNTS } from './organisations.js';
import type { PlannedItem } from './plan-types.js';
import { Prng } from './prng.js';

export interface PlanState {
  readonly seed: number;
  /** Approximate number of items asked for. */
  readonly target: number;
  readonly rng: Prng;
  /** Every item planned so far; an item's index is its position here. */
  readonly items: PlannedItem[];
  /** `platform:id` keys, so two items never share a platform id. */
  readonly usedIds: Set<string>;
  /** Top-level posts per platform, the pool that reposts and quotes refer to. */
  readonly rootsByPlatform: Map<Platform, number[]>;
  readonly citizens: CitizenPool;
}

export function createPlanState(seed: number, target: number): PlanState {
  // The demo accounts' own ids are reserved so no citizen is given one of them.
  const reserved = new Set(
    DEMO_ACCOUNTS.map((a) => `${a.declaration.platform}:${a.declaration.platformAccountId}`),
  );
  return {
    seed,
    target,
    rng: Prng.derive(seed, 'plan'),
    items: [],
    usedIds: new Set(),
    rootsByPlatform: new Map(),
    // Roughly one citizen per eight items: some reply often, most once or twice.
    citizens: new CitizenPool(seed, Math.min(MAX_CITIZENS, Math.max(40, Math.round(target / 8))), reserved),
  };
}
