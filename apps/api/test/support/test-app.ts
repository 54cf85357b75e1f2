import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Transporter } from 'nodemailer';
import pg from 'pg';
import { inject } from 'vitest';
import { loadRelease } from '@jalon/content';
import { buildApp, type Content, type Jalon } from '../../src/app';
import { systemClock, type AdjustableClock } from '../../src/platform/clock';
import { readConfig, type Config } from '../../src/platform/config';
import { openDatabase, type Database } from '../../src/platform/db/database';

/** The content release, loaded once per test worker (it is immutable). */
let content: Content | undefined;
export function testContent(): Content {
  content ??= loadRelease();
  return content;
}

export interface TestApp extends Jalon {
  content: Content;
  database: Database;
  clock: AdjustableClock;
  config: Config;
}

/**
 * A real Jalon app on its own copy of the template database: PGlite by default,
 * PostgreSQL in the `api-postgres` project. Requests go through `app.inject()`.
 */
export async function createTestApp(
  options: {
    startJobs?: boolean;
    configOverrides?: Partial<Config>;
    mailTransport?: Transporter;
    /** Captures the app's log lines (pino options, e.g. `{ level, stream }`); silent otherwise. */
    logger?: object;
  } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  const clock = systemClock();
  const config = {
    ...readConfig({ NODE_ENV: 'test', JALON_DEMO: 'off', PORT: '0', JALON_PUBLIC_URL: 'http://jalon.test' }),
    webDist: path.join(os.tmpdir(), 'jalon-no-web'),
    ...options.configOverrides,
  };
  const jalon = await buildApp({
    config,
    content: testContent(),
    database,
    clock,
    logger: options.logger ?? false,
    ...(options.mailTransport ? { mailTransport: options.mailTransport } : {}),
  });
  if (options.startJobs ?? true) await jalon.startJobs();
  return {
    ...jalon,
    content: testContent(),
    database,
    clock,
    config,
    async close() {
      await jalon.close();
      await database.close();
    },
  };
}

async function openTestDatabase(): Promise<Database> {
  const postgres = inject('postgresTemplate');
  if (postgres) {
    const name = `jalon_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${postgres.templateName}`);
    await admin.end();
    const url = new URL(postgres.adminUrl);
    url.pathname = `/${name}`;
    return openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 5 });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-test-'));
  fs.cpSync(inject('pgliteTemplateDir'), dir, { recursive: true });
  const database = await openDatabase({ dataDir: dir });
  return {
    ...database,
    async close() {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
