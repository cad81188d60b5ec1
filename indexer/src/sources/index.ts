/** Import sources: reading captured files into normalised items, deletions and quarantine records. */
export type { RecordBody, RecordLocation, Source, SourceRecord } from './source.js';
export { readLines, type ReadLinesOptions, type TextLine } from './line-reader.js';
export { detectSource, HEAD_BYTES, listInputFiles, SOURCES, UnknownFormatError } from './detect.js';
export { twarc2Source } from './twarc2/twarc2.reader.js';
export { twitterV1Source } from './twitter-v1/twitter-v1.reader.js';
export { xArchiveSource } from './x-archive/x-archive.reader.js';
export { xArchiveZipSource } from './x-archive/x-archive.zip-reader.js';
export { mastodonApiSource, mastodonArchiveSource, mastodonArchiveZipSource } from './mastodon/index.js';
export { blueskyApiSource } from './bluesky/index.js';
export { createWarcSource } from './warc/warc.source.js';
export { createWaczSource } from './warc/wacz.source.js';
export { companionOf } from './companions.js';
export { metaDyiSource } from './meta/dyi.reader.js';
export { metaGraphSource } from './meta/graph.reader.js';
export { youtubeDataApiSource, incompleteReplyThreads } from './youtube/youtube.reader.js';
export { linkedinExportSource } from './linkedin/linkedin.reader.js';
export { tiktokExportSource } from './tiktok/tiktok.reader.js';
