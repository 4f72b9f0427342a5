import { defineConfig } from 'vitest/config';

// Browser flows: the real server (with in-memory Azurite) and Debian's Chromium via playwright-core.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts', 'tests/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
