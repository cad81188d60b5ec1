import { defineConfig } from 'vitest/config';

// Unit tests only: pure modules under app/, no Remix plugin, no browser.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['app/**/*.test.ts'],
  },
});
