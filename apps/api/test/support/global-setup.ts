import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database';
import { loadRelease } from '@jalon/content';
import { syncTargetProfiles } from '../../src/modules/catalogue';
import { migrateDatabase } from '../../src/platform/db/migrate';
import { createJobs } from '../../src/platform/jobs';
import { silentLogger } from './silent-logger';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresTemplate: { adminUrl: string; templateName: string } | null;
  }
}

/**
 * Builds one migrated template database per run (with pg-boss's schema installed); each
 * test file then starts from a copy. Creating a PGlite database takes seconds, copying
 * its folder well under one.
 */
export default async function setup(project: TestProject) {
  const kind = project.config.env.JALON_TEST_DB ?? 'pglite';
  if (kind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL test project');
    const templateName = `jalon_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName}`);
    await admin.query(`create database ${templateName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${templateName}`;
    const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 2 });
    await prepare(database);
    project.provide('pgliteTemplateDir', '');
    project.provide('postgresTemplate', { adminUrl, templateName });
    return async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(`select datname from pg_database where datname like 'jalon_t_%' or datname = $1`, [templateName]);
      for (const row of rows) await cleanup.query(`drop database if exists ${row.datname} with (force)`);
      await cleanup.end();
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-template-'));
  const database = await openDatabase({ dataDir: dir });
  await prepare(database);
  fs.rmSync(path.join(dir, 'jalon.lock'), { force: true });
  project.provide('pgliteTemplateDir', dir);
  project.provide('postgresTemplate', null);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

async function prepare(database: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateDatabase(database);
  await syncTargetProfiles(database.db, loadRelease().release, new Date());
  const jobs = createJobs(database, silentLogger);
  await jobs.start();
  await jobs.stop();
  await database.close();
}
