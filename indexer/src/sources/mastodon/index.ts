/** The Mastodon import sources, for the registry in ../detect.ts. */
export { mastodonApiSource } from './mastodon-api.source.js';
export { mastodonArchiveSource } from './mastodon-archive.source.js';
export { mastodonArchiveZipSource } from './mastodon-archive-zip.source.js';
