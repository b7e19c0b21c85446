import { defineConfig } from 'vitest/config';

// End-to-end tier: the built extension in real Chromium and Firefox ESR. One browser at a time:
// CI has two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
