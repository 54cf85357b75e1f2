import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, like, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoUsers, seedDemoIfEmpty } from '../src/modules/demo';
import { ConfigError, readConfig } from '../src/platform/config';
import { openDatabase, queryRows } from '../src/platform/db/database';
import { DataDirLockedError } from '../src/platform/db/lockfile';
import { migrateDatabase } from '../src/platform/db/migrate';
import { outboxMails } from '../src/platform/mail/schema';
import { RATE_LIMIT_PURGE_QUEUE } from '../src/platform/rate-limit';
import { rateLimitCounters } from '../src/platform/rate-limit.schema';
import { createTeam, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
const sent: { envelope: unknown; message: string }[] = [];
beforeAll(async () => {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const original = transport.sendMail.bind(transport);
  transport.sendMail = (async (mail: Parameters<typeof original>[0]) => {
    const info = await original(mail);
    sent.push({ envelope: info.envelope, message: String(info.message) });
    return info;
  }) as typeof transport.sendMail;
  t = await createTestApp({ mailTransport: transport });
});
afterAll(async () => t.close());

describe('HTTP platform', () => {
  it('GET /api/health answers ok with the database kind', async () => {
    const response = await new Agent(t.app).get<{ status: string; database: string }>('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: t.database.kind, version: expect.any(String) });
    expect(response.headers['x-request-id']).toBeDefined();
  });

  it('publishes an OpenAPI document with the routes and their schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    const doc = response.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/organizations/{organizationId}/invitations']));
  });

  it('an unknown API route gets the error body with ROUTE_NOT_FOUND', async () => {
    const response = await new Agent(t.app).get('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ errors: [{ status: '404', code: 'ROUTE_NOT_FOUND', detail: expect.any(String) }] });
  });

  it('malformed JSON is a 400 INVALID_REQUEST, a wrong type too, and an oversized body a 413', async () => {
    const agent = new Agent(t.app);
    const broken = await agent.request('POST', '/api/auth/sign-in', '{"login":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(errorCodes(broken)).toEqual(['INVALID_REQUEST']);
    const wrongType = await agent.post('/api/auth/sign-in', { login: 42, password: ['x'] });
    expect(wrongType.status).toBe(400);
    expect(errorCodes(wrongType).every((c) => c === 'INVALID_REQUEST')).toBe(true);
    const huge = await agent.post('/api/auth/sign-in', { login: 'x'.repeat(2 * 1024 * 1024), password: 'y' });
    expect(huge.status).toBe(413);
    expect(errorCodes(huge)).toEqual(['PAYLOAD_TOO_LARGE']);
  });

  it('an unexpected failure is a 500 INTERNAL_ERROR carrying the request id, without internals', async () => {
    // A public route read without a session cookie: its first query is the one that fails.
    const spy = vi.spyOn(t.database.db, 'select').mockImplementationOnce(() => {
      throw new Error('secret internal detail');
    });
    const response = await new Agent(t.app).get('/api/invitations/00000000-0000-4000-8000-000000000000?code=ABCDEFGHJK');
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('secret');
    expect(response.body).toMatchObject({ errors: [{ code: 'INTERNAL_ERROR', meta: { requestId: expect.any(String) } }] });
  });
});

function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('answers per minute default to the spec’s 60; ANSWER_RATE_LIMIT_PER_MINUTE sets them and must be a positive whole number', () => {
    expect(readConfig({}).answersPerMinute).toBe(60);
    expect(readConfig({ ANSWER_RATE_LIMIT_PER_MINUTE: '100000' }).answersPerMinute).toBe(100_000);
    for (const wrong of ['0', '-5', '2.5', 'many']) expect(() => readConfig({ ANSWER_RATE_LIMIT_PER_MINUTE: wrong })).toThrow();
  });

  it('JALON_PROCESSES defaults to 1, must be a whole number from 1 to 64, and above 1 needs PostgreSQL', () => {
    expect(readConfig({}).processes).toBe(1);
    expect(readConfig({ JALON_PROCESSES: '4', DATABASE_URL: 'postgres://jalon@127.0.0.1/jalon' }).processes).toBe(4);
    for (const wrong of ['0', '-1', '1.5', '65', 'two']) expect(() => readConfig({ JALON_PROCESSES: wrong, DATABASE_URL: 'postgres://jalon@127.0.0.1/jalon' })).toThrow();
    expect(() => readConfig({ JALON_PROCESSES: '2' })).toThrow(ConfigError);
    expect(() => readConfig({ JALON_PROCESSES: '2', DATABASE_URL: '' })).toThrow(/demande PostgreSQL \(DATABASE_URL\)/);
  });

  it('a wrong variable is refused with one line per variable in French and English: its name, its value and what is expected', () => {
    const refusal = () => readConfig({ PORT: 'x', JALON_PROCESSES: 'abc', LOG_LEVEL: 'loud', JALON_DEMO: 'on', JALON_DB_POOL_SIZE: '10' });
    expect(refusal).toThrow(ConfigError);
    expect(messageOf(refusal).split('\n')).toEqual([
      "Configuration invalide : corrigez ces variables d'environnement, puis relancez Jalon (invalid configuration: fix these environment variables, then start Jalon again).",
      '- PORT="x" : valeur attendue : un nombre entier de 0 à 65535 (expected: a whole number from 0 to 65535).',
      "- LOG_LEVEL=\"loud\" : valeur attendue : l'une de : fatal, error, warn, info, debug, trace, silent (expected: one of: fatal, error, warn, info, debug, trace, silent).",
      '- JALON_PROCESSES="abc" : valeur attendue : un nombre entier de 1 à 64 (expected: a whole number from 1 to 64).',
    ]);
  });

  it('a refused address is shown without its password, whatever its shape', () => {
    const message = messageOf(() =>
      readConfig({
        DATABASE_URL: 'mysql://jalon:Db-S3cret@db.example.org:3306/jalon?sslpassword=Key-S3cret',
        SMTP_URL: 'mail:Smtp-S3cret@smtp.example.org:465',
        JALON_PUBLIC_URL: 'ftp://jalon:Ftp-S3cret/files',
      }),
    );
    expect(message).toContain('- DATABASE_URL="mysql://jalon:****@db.example.org:3306/jalon?sslpassword=****" : valeur attendue : une adresse postgres:// ou postgresql://');
    expect(message).toContain('- SMTP_URL="mail:****@smtp.example.org:465" : valeur attendue : une adresse smtp:// ou smtps://');
    expect(message).toContain('- JALON_PUBLIC_URL="ftp://jalon:****/files" : valeur attendue : une adresse http:// ou https://');
    expect(message).not.toMatch(/S3cret/);
    // Addresses of the right kind are taken as they are, an empty one means none.
    const config = readConfig({ DATABASE_URL: 'postgresql://jalon:Db-S3cret@db.example.org/jalon', SMTP_URL: 'smtps://mail:Smtp-S3cret@smtp.example.org:465', JALON_PUBLIC_URL: '' });
    expect([config.databaseUrl, config.smtpUrl, config.publicUrl]).toEqual(['postgresql://jalon:Db-S3cret@db.example.org/jalon', 'smtps://mail:Smtp-S3cret@smtp.example.org:465', 'http://localhost:3000']);
  });
});

describe('mail delivery', () => {
  it('a job delivers each outbox mail through the SMTP transport and marks it delivered', async () => {
    await new Agent(t.app).post('/api/auth/password-reset-requests', { email: 'nobody-here@example.org' });
    const team = await createTeam(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(team.admin.email, PASSWORD);
    await agent.post(`/api/organizations/${team.organization.id}/invitations`, { emails: 'smtp-check@example.org' });
    await vi.waitFor(
      async () => {
        const [mail] = await t.database.db.select().from(outboxMails).where(eq(outboxMails.to, 'smtp-check@example.org'));
        expect(mail?.deliveredVia).toBe('smtp');
      },
      { timeout: 30_000, interval: 200 },
    );
    expect(sent.some((s) => s.message.includes('smtp-check@example.org'))).toBe(true);
  });
});

describe('rate-limit store', () => {
  it('is purged every night by a pg-boss job, which deletes dead counters and keeps live ones', async () => {
    const schedules = await queryRows<{ name: string; cron: string }>(t.database.db, sql`select name, cron from pgboss.schedule`);
    expect(schedules).toContainEqual({ name: RATE_LIMIT_PURGE_QUEUE, cron: '17 3 * * *' });
    const now = t.clock.now().getTime();
    await t.database.db.insert(rateLimitCounters).values([
      { key: 'sign-in-failures:198.51.100.9', windowStart: new Date(now - 2 * 86_400_000), count: 7 },
      { key: 'sign-in-failures:198.51.100.10', windowStart: new Date(now - 60_000), count: 3 },
    ]);
    await t.jobs.send(RATE_LIMIT_PURGE_QUEUE, {});
    await vi.waitFor(
      async () => {
        const rows = await t.database.db.select().from(rateLimitCounters).where(like(rateLimitCounters.key, 'sign-in-failures:198.51.100.%'));
        expect(rows.map((row) => row.key)).toEqual(['sign-in-failures:198.51.100.10']);
      },
      { timeout: 15_000, interval: 100 },
    );
  });
});

describe('demo fixture', () => {
  it('seeds Collège Victor-Hugo with Alice (ADMIN) and Bruno (MEMBER) once, and not twice', async () => {
    const fresh = await createTestApp({ startJobs: false });
    try {
      expect(await seedDemoIfEmpty(fresh.database.db, fresh.clock)).toBe(true);
      expect(await seedDemoIfEmpty(fresh.database.db, fresh.clock)).toBe(false);
      const alice = new Agent(fresh.app);
      const me = await alice.post<{ memberships: { role: string; organization: { name: string; features: string[] } }[] }>('/api/auth/sign-in', {
        login: demoUsers.alice.email,
        password: DEMO_PASSWORD,
      });
      expect(me.body.memberships).toEqual([
        expect.objectContaining({
          role: 'ADMIN',
          organization: expect.objectContaining({ name: 'Collège Victor-Hugo', features: ['CERTIFICATION_CENTER', 'CERTIFICATION_RESULTS', 'MULTIPLE_SENDING_ASSESSMENT', 'REMINDERS'] }),
        }),
      ]);
      const bruno = new Agent(fresh.app);
      const brunoMe = await bruno.post<{ memberships: { role: string }[] }>('/api/auth/sign-in', { login: demoUsers.bruno.email, password: DEMO_PASSWORD });
      expect(brunoMe.body.memberships.map((m) => m.role)).toEqual(['MEMBER']);
    } finally {
      await fresh.close();
    }
  });
});

describe('database start-up', () => {
  it.runIf(inject('postgresTemplate') === null)('a second embedded start on the same folder is refused with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-lock-'));
    fs.writeFileSync(path.join(dir, 'jalon.lock'), String(process.ppid));
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/PostgreSQL \(DATABASE_URL\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(inject('postgresTemplate') === null)('a lock left by a dead process does not block the restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-stale-'));
    fs.writeFileSync(path.join(dir, 'jalon.lock'), '999999999');
    try {
      const database = await openDatabase({ dataDir: dir });
      expect(fs.readFileSync(path.join(dir, 'jalon.lock'), 'utf8')).toBe(String(process.pid));
      await database.close();
      expect(fs.existsSync(path.join(dir, 'jalon.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(inject('postgresTemplate') !== null)('four processes migrating an empty PostgreSQL database at once all succeed', async () => {
    const { adminUrl } = inject('postgresTemplate')!;
    const name = `jalon_t_race_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databases = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 1 })));
    try {
      await Promise.all(databases.map((d) => migrateDatabase(d)));
      const { rows } = await databases[0]!.pool!.query<{ n: number }>(`select count(*)::int as n from drizzle.__drizzle_migrations`);
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
