/** The Bluesky import source, for the registry in ../detect.ts. */
export { blueskyApiSource } from './bluesky-api.source.js';
