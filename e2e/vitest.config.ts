import { defineConfig } from 'vitest/config';

// Browser journeys: one real server (built web app, embedded database, demo data) for the
// whole run, driven by Debian's Chromium through playwright-core. Files run one at a time.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
