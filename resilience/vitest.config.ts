import { defineConfig } from 'vitest/config';

// Fault drills against the production bundle: a PostgreSQL server stopped under a running
// API, and an embedded-database API killed with SIGKILL mid-test. They start and kill real
// processes, so they run one file at a time, outside `npm test` (`npm run test:resilience`).
export default defineConfig({
  test: {
    name: 'resilience',
    include: ['resilience/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
