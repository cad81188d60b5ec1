export * from './archive-writer.js';
export * from './capture-runs.js';
export * from './registry.js';
export * from './version-order.js';
export { contentHash, toStoredContent } from './stored-content.js';
export {
  isPreparedItem,
  prepareVersionWithoutMediaStore,
  prepareWithoutMediaStore,
  type PreparedItem,
  type PreparedVersion,
  type StoredMedia,
  type VersionPayload,
} from './prepared-item.js';
export { isWellFormed } from './well-formed.js';
