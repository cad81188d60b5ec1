import type { Viewer } from './auth/viewer.js';
import type { ItemLoaders } from './items/loaders.js';

/** What every resolver gets for one request. */
export interface RequestContext {
  viewer: Viewer | null;
  requestId: string;
  loaders: ItemLoaders;
}
