import 'reflect-metadata';

export * from './domain/index.js';
export * from './entities/index.js';
export * from './config/config.js';
export * from './storage/data-source.js';
export * from './storage/temporary-database.js';
export * from './storage/wal-checkpointer.js';
export * from './util/ids.js';
export * from './util/hash.js';
export * from './search/index.js';
export * from './archive/index.js';
export * from './indexing/index.js';
export * from './media/media-store.js';
export * from './users/index.js';
export { highlightText } from './search/text/highlight.js';
export * from './audit/index.js';
