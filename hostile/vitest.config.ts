import { defineConfig } from 'vitest/config';

// Property-based fuzzing of every API route with hostile input. It sends thousands of
// requests, so it runs on its own, outside `npm test` (`npm run test:hostile`), on PGlite —
// and on PostgreSQL as well when TEST_DATABASE_URL is set (as in CI).
const projects = [
  {
    test: {
      name: 'hostile-pglite',
      include: ['hostile/**/*.test.ts'],
      globalSetup: ['apps/api/test/support/global-setup.ts'],
      env: { JALON_TEST_DB: 'pglite' },
      pool: 'forks' as const,
      testTimeout: 300_000,
      hookTimeout: 120_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'hostile-postgres',
      include: ['hostile/**/*.test.ts'],
      globalSetup: ['apps/api/test/support/global-setup.ts'],
      env: { JALON_TEST_DB: 'postgres' },
      pool: 'forks' as const,
      testTimeout: 300_000,
      hookTimeout: 120_000,
    },
  });
}

export default defineConfig({ test: { projects, fileParallelism: false } });
