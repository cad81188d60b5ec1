/** Test support shared by the workspaces' test suites (imported as `@bewaard/schema/testing`). */
export * from './builders.js';
export * from './databases.js';
