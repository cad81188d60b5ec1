import { defineConfig } from 'vitest/config';

// The e2e suite boots the whole system (scripts/start.mjs) once, so it gets generous timeouts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
