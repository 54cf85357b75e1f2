import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { participations } from '../src/modules/campaigns/schema';
import { systemClock } from '../src/platform/clock';
import { backupDatabase, BackupRefusedError, restoreDatabase } from '../src/platform/db/backup';
import { openDatabase, type Database } from '../src/platform/db/database';
import { createCampaign, createLearner } from './support/campaign-factory';
import { createTeam, createUser, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { createTestApp, testContent, type TestApp } from './support/test-app';

const postgres = inject('postgresTemplate');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-backup-'));
let source: TestApp;
let campaignId: string;
let teacherEmail: string;
let sourceStopped = false;

/** The four follow-up pages of the campaign as its owner reads them. */
async function followUpPages(app: TestApp['app']): Promise<unknown[]> {
  const agent = new Agent(app);
  await agent.signIn(teacherEmail, PASSWORD);
  const urls = ['activity', 'activity/participants', 'results/summary', 'results'].map((p) => `/api/campaigns/${campaignId}/${p}`);
  const pages = [];
  for (const url of urls) {
    const response = await agent.get(url);
    expect(response.status, url).toBe(200);
    pages.push(response.body);
  }
  // Both pupils are on the pages, so an identical comparison is not two empty lists.
  expect(JSON.stringify(pages)).toMatch(/Moreau[\s\S]*Bernard|Bernard[\s\S]*Moreau/);
  return pages;
}

/** Jalon opened on a restored database, configured as the source app was. */
async function pagesOn(database: Database): Promise<unknown[]> {
  const jalon = await buildApp({ config: source.config, content: testContent(), database, clock: systemClock(), logger: false });
  try {
    return await followUpPages(jalon.app);
  } finally {
    await jalon.close();
    await database.close();
  }
}

beforeAll(async () => {
  source = await createTestApp({ startJobs: false });
  const db = source.database.db;
  const team = await createTeam(db, { type: 'SCO', isManagingStudents: true, timeZone: 'Europe/Paris' });
  teacherEmail = team.admin.email;
  const campaign = await createCampaign(db, source.content.release, { organizationId: team.organization.id, ownerId: team.admin.id, name: 'Sécurité 3A' });
  campaignId = campaign.id;
  const pupil = async (firstName: string, lastName: string) => {
    const user = await createUser(db, { firstName, lastName });
    return createLearner(db, team.organization.id, { firstName, lastName, division: '3A', birthdate: '2012-03-04', userId: user.id });
  };
  const ines = await pupil('Inès', 'Moreau');
  const louis = await pupil('Louis', 'Bernard');
  const sentAt = new Date('2026-10-05T09:30:00Z');
  await db.insert(participations).values([
    {
      campaignId,
      userId: ines.userId!,
      organizationLearnerId: ines.id,
      status: 'SHARED',
      createdAt: new Date('2026-10-05T09:00:00Z'),
      sharedAt: sentAt,
      validatedSkillsCount: 7,
      pixScore: 96,
      isCertifiable: false,
    },
    { campaignId, userId: louis.userId!, organizationLearnerId: louis.id, status: 'STARTED', createdAt: new Date('2026-10-06T10:00:00Z') },
  ]);
});

afterAll(async () => {
  if (!sourceStopped) await source.close();
  fs.rmSync(work, { recursive: true, force: true });
});

// One engine per project: the PGlite case in `api-pglite`, the PostgreSQL one in `api-postgres`.
if (!postgres) describe('db:backup / db:restore on the embedded database', () => {
  it('restores into an empty data folder with identical results pages, and refuses a running server or a non-empty folder', async () => {
    const before = await followUpPages(source.app);
    const sourceDir = path.dirname(source.database.pglite!.dataDir!);
    // The backup reads the folder of a stopped server: the source is closed as a server stops, its folder kept.
    const copy = path.join(work, 'source');
    await source.app.close();
    await source.database.pglite!.close();
    fs.renameSync(sourceDir, copy);
    fs.rmSync(path.join(copy, 'jalon.lock'));
    sourceStopped = true;

    const file = path.join(work, 'jalon.tar.gz');
    const steps: string[] = [];
    await backupDatabase({ dataDir: copy }, file, (m) => steps.push(m));
    expect(fs.statSync(file).size).toBeGreaterThan(0);
    expect(steps.length).toBeGreaterThan(0);

    const restored = path.join(work, 'restored');
    await restoreDatabase({ dataDir: restored }, file);
    expect(await pagesOn(await openDatabase({ dataDir: restored }))).toEqual(before);

    // A second restore would overwrite a live database: refused.
    await expect(restoreDatabase({ dataDir: restored }, file)).rejects.toThrow(/contient déjà une base/);

    // A folder held by another live process (the test runner's parent stands in for a server).
    const held = path.join(work, 'held');
    fs.mkdirSync(held);
    fs.writeFileSync(path.join(held, 'jalon.lock'), String(process.ppid));
    await expect(restoreDatabase({ dataDir: held }, file)).rejects.toThrow(BackupRefusedError);
    fs.cpSync(path.join(copy, 'pglite'), path.join(held, 'pglite'), { recursive: true });
    await expect(backupDatabase({ dataDir: held }, path.join(work, 'other.tar.gz'))).rejects.toThrow(/Arrêtez le serveur Jalon/);
    expect(fs.existsSync(path.join(work, 'other.tar.gz'))).toBe(false);
  });
});

if (postgres) describe('db:backup / db:restore on PostgreSQL', () => {
  async function emptyDatabase(): Promise<string> {
    const name = `jalon_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: postgres!.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgres!.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  it('restores into an empty database with identical results pages, and refuses a non-empty one without --force', async () => {
    const before = await followUpPages(source.app);
    const file = path.join(work, 'jalon.dump');
    const steps: string[] = [];
    await backupDatabase({ databaseUrl: source.database.connectionString!, dataDir: '' }, file, (m) => steps.push(m));
    expect(steps.some((s) => s.includes('participations'))).toBe(true);

    const target = await emptyDatabase();
    await restoreDatabase({ databaseUrl: target, dataDir: '' }, file);
    expect(await pagesOn(await openDatabase({ databaseUrl: target, dataDir: '', poolSize: 2 }))).toEqual(before);

    await expect(restoreDatabase({ databaseUrl: target, dataDir: '' }, file)).rejects.toThrow(/--force/);
    // A wrong file is refused before --force empties anything.
    const garbage = path.join(work, 'not-a-dump');
    fs.writeFileSync(garbage, 'pas une sauvegarde');
    await expect(restoreDatabase({ databaseUrl: target, dataDir: '' }, garbage, { force: true })).rejects.toThrow(/pg_dump lisible/);
    expect(await pagesOn(await openDatabase({ databaseUrl: target, dataDir: '', poolSize: 2 }))).toEqual(before);
    await restoreDatabase({ databaseUrl: target, dataDir: '' }, file, { force: true });
    expect(await pagesOn(await openDatabase({ databaseUrl: target, dataDir: '', poolSize: 2 }))).toEqual(before);
  });
});
