export * from './index-sync.js';
export * from './search-documents.js';
