/**
 * `npm run bench:import [-- --json] [--pupils N] [--classes N] [--changes N]`
 *
 * A SIECLE import as a school makes it: a generated « ElevesSansAdresses » export of 3,000
 * pupils in 40 classes (ISO-8859-1, zipped) uploaded by the demo school's ADMIN through the
 * HTTP API, then polled until IMPORTED; then the same file with 100 changes (classes,
 * names, pupils who left, new ones). On PostgreSQL, then on PGlite. Each measure runs from
 * the upload to the banner's IMPORTED, so it includes the job queue's pick-up. The API's
 * resident memory is sampled throughout both imports; the peak is reported.
 * Human table on stdout, or exactly one JSON object with --json. Progress on stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generatePupils, siecleZip, type SieclePupil } from '../apps/api/test/support/siecle';
import { startApi, type ApiServer } from './support/api-server';
import { exitAfter, onCleanup, runCleanups } from './support/cleanup';
import { startPostgres } from './support/postgres';

const ENGINES = ['postgres', 'pglite'] as const;
type Engine = (typeof ENGINES)[number];

/** The demo school (`modules/demo/fixture.ts`) and its ADMIN. */
const DEMO_UAI = '0219999E';
const DEMO_ADMIN = { login: 'alice.martin@example.org', password: 'Jalon-demo-2026' };
const RSS_SAMPLE_MS = 20;
const POLL_MS = 100;
const IMPORT_TIMEOUT_MS = 180_000;
const TARGETS = { importSeconds: 10, peakRssMB: 200 };

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    pupils: { type: 'string', default: '3000' },
    classes: { type: 'string', default: '40' },
    changes: { type: 'string', default: '100' },
  },
});
const pupilCount = positive('pupils', args.pupils);
const classCount = positive('classes', args.classes);
const changeCount = positive('changes', args.changes);

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer, got ${text}`);
    process.exit(2);
  }
  return value;
}

function progress(message: string) {
  console.error(`[bench:import] ${message}`);
}

/**
 * The second file: half the changes move pupils to another class, a quarter are pupils who
 * left (absent from the file), a quarter new arrivals.
 */
function withChanges(pupils: SieclePupil[], changes: number): { pupils: SieclePupil[]; arrivals: number } {
  const moved = Math.ceil(changes / 2);
  const left = Math.floor((changes - moved) / 2);
  const arrivals = changes - moved - left;
  const next = pupils.map((pupil, index) => (index < moved ? { ...pupil, division: pupil.division === '6A' ? '6B' : '6A' } : pupil));
  return { pupils: [...next.slice(0, next.length - left), ...generatePupils(arrivals, classCount, pupils.length + 1000)], arrivals };
}

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(baseUrl: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ADMIN),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  const csrf = cookies.find((cookie) => cookie.startsWith('jalon_csrf='))?.slice('jalon_csrf='.length);
  if (!csrf) throw new Error('no CSRF cookie after sign-in');
  return { cookie: cookies.join('; '), csrf: decodeURIComponent(csrf) };
}

async function demoSchoolId(baseUrl: string, session: Session): Promise<string> {
  const response = await fetch(`${baseUrl}/api/me`, { headers: { cookie: session.cookie } });
  const me = (await response.json()) as { memberships: { role: string; organization: { id: string; type: string; name: string } }[] };
  const school = me.memberships.find((membership) => membership.role === 'ADMIN' && membership.organization.type === 'SCO');
  if (!school) throw new Error('the demo admin has no SCO organization');
  return school.organization.id;
}

function rssBytes(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** Uploads the file and polls the banner until the import ends; seconds from upload to IMPORTED. */
async function importFile(server: ApiServer, session: Session, organizationId: string, file: Buffer, expectedCreated: number): Promise<number> {
  const started = performance.now();
  const upload = await fetch(`${server.url}/api/organizations/${organizationId}/learner-imports?fileName=ElevesSansAdresses.zip`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/octet-stream' },
    body: new Blob([new Uint8Array(file)]),
  });
  if (upload.status !== 202) throw new Error(`the upload answered ${upload.status}: ${(await upload.text()).slice(0, 300)}`);
  for (;;) {
    if (performance.now() - started > IMPORT_TIMEOUT_MS) throw new Error('the import did not end in time');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const response = await fetch(`${server.url}/api/organizations/${organizationId}/learner-imports/latest`, { headers: { cookie: session.cookie } });
    const { import: current } = (await response.json()) as { import: { status: string; errors: unknown[]; counts: { created: number } | null } };
    if (current.status === 'UPLOADED' || current.status === 'VALIDATED') continue;
    if (current.status !== 'IMPORTED') throw new Error(`the import ended ${current.status}: ${JSON.stringify(current.errors).slice(0, 300)}`);
    if (current.counts?.created !== expectedCreated) throw new Error(`expected ${expectedCreated} created, got ${JSON.stringify(current.counts)}`);
    return (performance.now() - started) / 1000;
  }
}

interface EngineReport {
  importSeconds: number;
  reimportSeconds: number;
  peakRssMB: number;
}

/** The API's resident memory when the first upload starts, for the table only (the JSON keeps its agreed shape). */
const idleRssMB = {} as Record<Engine, number>;

async function runEngine(engine: Engine, first: Buffer, second: Buffer, arrivals: number): Promise<EngineReport> {
  const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'warn', JALON_DEMO: 'on', JALON_REMINDERS: 'off' };
  if (engine === 'postgres') {
    progress('starting a throwaway PostgreSQL cluster');
    env.DATABASE_URL = (await startPostgres()).url;
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-import-'));
    onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    env.JALON_DATA_DIR = dataDir;
  }
  progress(`${engine}: starting the API (migrations, demo seed)`);
  const server = await startApi({ env });
  try {
    const session = await signIn(server.url);
    const organizationId = await demoSchoolId(server.url, session);
    let peak = rssBytes(server.pid);
    idleRssMB[engine] = Math.round(peak / 1024 / 1024);
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(server.pid));
    }, RSS_SAMPLE_MS);
    try {
      progress(`${engine}: importing ${pupilCount} pupils`);
      const importSeconds = await importFile(server, session, organizationId, first, pupilCount);
      progress(`${engine}: imported in ${importSeconds.toFixed(2)} s; re-importing with ${changeCount} changes`);
      const reimportSeconds = await importFile(server, session, organizationId, second, arrivals);
      progress(`${engine}: re-imported in ${reimportSeconds.toFixed(2)} s`);
      return { importSeconds: round(importSeconds), reimportSeconds: round(reimportSeconds), peakRssMB: Math.round(peak / 1024 / 1024) };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await server.stop();
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}

async function main() {
  exitAfter(15 * 60_000, 'bench:import');
  const pupils = generatePupils(pupilCount, classCount);
  const changed = withChanges(pupils, changeCount);
  const first = siecleZip(DEMO_UAI, pupils);
  const second = siecleZip(DEMO_UAI, changed.pupils);
  progress(`files: ${(first.length / 1024).toFixed(0)} KB zipped for ${pupilCount} pupils in ${classCount} classes`);

  const results = {} as Record<Engine, EngineReport>;
  for (const engine of ENGINES) results[engine] = await runEngine(engine, first, second, changed.arrivals);

  if (args.json) {
    console.log(JSON.stringify(results));
  } else {
    console.log(`SIECLE import of ${pupilCount} pupils in ${classCount} classes (ISO-8859-1, ZIP), then ${changeCount} changes; ${os.cpus().length} CPU(s), Node ${process.version}`);
    console.log('');
    console.log('| | PostgreSQL | PGlite |');
    console.log('|---|---|---|');
    console.log(`| Import (s) | ${results.postgres.importSeconds} | ${results.pglite.importSeconds} |`);
    console.log(`| Re-import with changes (s) | ${results.postgres.reimportSeconds} | ${results.pglite.reimportSeconds} |`);
    console.log(`| API peak RSS (MB) | ${results.postgres.peakRssMB} | ${results.pglite.peakRssMB} |`);
    console.log(`| API RSS before the import (MB) | ${idleRssMB.postgres} | ${idleRssMB.pglite} |`);
    const pg = results.postgres;
    const misses = [
      ...(pg.importSeconds > TARGETS.importSeconds ? [`import ${pg.importSeconds} s`] : []),
      ...(pg.reimportSeconds > TARGETS.importSeconds ? [`re-import ${pg.reimportSeconds} s`] : []),
      ...(pg.peakRssMB > TARGETS.peakRssMB ? [`peak RSS ${pg.peakRssMB} MB`] : []),
    ];
    console.log('');
    console.log(misses.length === 0 ? 'PostgreSQL targets met (≤ 10 s, ≤ 200 MB).' : `PostgreSQL targets missed: ${misses.join('; ')}.`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
