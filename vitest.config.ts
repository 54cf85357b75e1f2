import os from 'node:os';
import { defineConfig } from 'vitest/config';

// One run, several projects: pure packages, the web app's components, and the API's
// integration tests on PGlite (and on PostgreSQL when TEST_DATABASE_URL is set).
const apiProjects = [
  {
    extends: true as const,
    test: {
      name: 'api-pglite',
      include: ['apps/api/test/**/*.test.ts'],
      globalSetup: ['apps/api/test/support/global-setup.ts'],
      env: { JALON_TEST_DB: 'pglite' },
      pool: 'forks' as const,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  apiProjects.push({
    extends: true as const,
    test: {
      name: 'api-postgres',
      include: ['apps/api/test/**/*.test.ts'],
      globalSetup: ['apps/api/test/support/global-setup.ts'],
      env: { JALON_TEST_DB: 'postgres' },
      pool: 'forks' as const,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}

export default defineConfig({
  test: {
    // Vitest leaves a core free by default, which on a 2-core machine runs every file one after
    // the other; each API file has its own copy of the database, so every core can take one.
    maxWorkers: os.availableParallelism(),
    projects: [
      { test: { name: 'packages', include: ['packages/*/test/**/*.test.ts'] } },
      {
        test: {
          name: 'web',
          include: ['apps/web/test/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      ...apiProjects,
    ],
  },
});
