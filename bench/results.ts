/**
 * `npm run bench:results [-- --json] [--postgres N] [--pglite N] [--samples N]`
 *
 * Orga's follow-up pages on a big campaign: a « Bilan numérique du lycée » campaign (120
 * skills, five stages, three badges) with N shared participations over 30 classes, 10,000 on
 * PostgreSQL and 2,000 on PGlite by default. For « Participants », « Résultats » (all, then one
 * class), a participant page, « Analyse » and « Résultats collectifs » it measures the p50/p95
 * latency of the requests the page makes; for the CSV export, rows/s and the server's peak RSS
 * growth. Human table on stdout, or exactly one JSON object with --json. Progress on stderr.
 */
import { loadRelease, type Release } from '@jalon/content';
import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../apps/api/src/platform/db/database';
import { startApi, type ApiServer } from './support/api-server';
import { exitAfter, onCleanup, runCleanups } from './support/cleanup';
import { buildFollowUpCampaign, FOLLOW_UP_TEACHER, type BuiltCampaign } from './support/follow-up-campaign';
import { startPostgres } from './support/postgres';

const ENGINES = ['postgres', 'pglite'] as const;
type Engine = (typeof ENGINES)[number];

/** Requests before the measured ones: caches, JIT and the database's buffers warm up. */
const WARM_UP = 3;
/** Server memory is sampled this often during the export. */
const RSS_SAMPLE_MS = 20;
const TARGETS = { p95Ms: 300, exportRowsPerSec: 20_000, exportRssGrowthMB: 64 };

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    postgres: { type: 'string', default: '10000' },
    pglite: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '30' },
    engine: { type: 'string' },
  },
});
if (args.engine !== undefined && !(ENGINES as readonly string[]).includes(args.engine)) {
  console.error(`--engine must be postgres or pglite, got ${args.engine}`);
  process.exit(2);
}
/** While optimizing one engine's queries, the other can be left out; the JSON then holds only that one. */
const engines = args.engine ? [args.engine as Engine] : [...ENGINES];
const sizes: Record<Engine, number> = { postgres: positive('postgres', args.postgres), pglite: positive('pglite', args.pglite) };
const samples = positive('samples', args.samples);

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer, got ${text}`);
    process.exit(2);
  }
  return value;
}

function progress(message: string) {
  console.error(`[bench:results] ${message}`);
}

// ---------------------------------------------------------------------------------------
// HTTP as the teacher's browser does it.

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(FOLLOW_UP_TEACHER),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** One page load: its requests at once, as the web app makes them; the latency is the slowest one. */
async function loadPage(baseUrl: string, cookie: string, routes: string[]): Promise<number> {
  const started = performance.now();
  await Promise.all(
    routes.map(async (route) => {
      const response = await fetch(`${baseUrl}${route}`, { headers: { cookie } });
      const body = await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}: ${Buffer.from(body).toString().slice(0, 200)}`);
    }),
  );
  return performance.now() - started;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

async function measurePage(baseUrl: string, cookie: string, routesFor: (i: number) => string[]): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i++) await loadPage(baseUrl, cookie, routesFor(i));
  const timings: number[] = [];
  for (let i = 0; i < samples; i++) timings.push(await loadPage(baseUrl, cookie, routesFor(i + WARM_UP)));
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

/** Exports downloaded and measured after one warm-up download, as the pages are; the median is reported. */
const MEASURED_EXPORTS = 3;

/**
 * The export as a teacher meets it on a running server: one warm-up download (the first one
 * also compiles the code paths), then the median rows/s of the measured ones and the largest
 * RSS growth any of them caused.
 */
async function measureExports(server: ApiServer, cookie: string, campaignId: string, expectedRows: number) {
  await measureExport(server, cookie, campaignId, expectedRows);
  const runs = [];
  for (let i = 0; i < MEASURED_EXPORTS; i++) runs.push(await measureExport(server, cookie, campaignId, expectedRows));
  const median = [...runs].sort((a, b) => a.rowsPerSec - b.rowsPerSec)[Math.floor(runs.length / 2)]!;
  return { ...median, rssGrowthMB: Math.max(...runs.map((run) => run.rssGrowthMB)) };
}

/** Downloads the export while sampling the server's memory; the file is counted, not kept. */
async function measureExport(server: ApiServer, cookie: string, campaignId: string, expectedRows: number) {
  const baseline = rssBytes(server.pid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssBytes(server.pid));
  }, RSS_SAMPLE_MS);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/campaigns/${campaignId}/export.csv`, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`the export answered ${response.status}`);
  let newlines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    for (const byte of chunk) if (byte === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssBytes(server.pid));
  const rows = newlines - 1;
  if (rows !== expectedRows) throw new Error(`the export held ${rows} rows, ${expectedRows} expected`);
  return { rows, seconds, rowsPerSec: Math.round(rows / seconds), rssGrowthMB: Math.round(((peak - baseline) / 1_048_576) * 10) / 10 };
}

// ---------------------------------------------------------------------------------------

interface EngineReport {
  participantsP50: number;
  participantsP95: number;
  resultsP50: number;
  resultsP95: number;
  resultsFilteredP50: number;
  resultsFilteredP95: number;
  participantPageP50: number;
  participantPageP95: number;
  analysisP50: number;
  analysisP95: number;
  collectiveP50: number;
  collectiveP95: number;
  exportRowsPerSec: number;
  exportRssGrowthMB: number;
}

async function runEngine(engine: Engine, release: Release): Promise<{ report: EngineReport; buildSeconds: number; exportSeconds: number }> {
  const count = sizes[engine];
  const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: 'warn', JALON_DEMO: 'on', JALON_REMINDERS: 'off' };
  let open: () => ReturnType<typeof openDatabase>;
  if (engine === 'postgres') {
    progress('starting a throwaway PostgreSQL cluster');
    const cluster = await startPostgres();
    env.DATABASE_URL = cluster.url;
    open = () => openDatabase({ databaseUrl: cluster.url, dataDir: '' });
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-results-'));
    onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    env.JALON_DATA_DIR = dataDir;
    open = () => openDatabase({ dataDir });
  }

  // A first start migrates and seeds the demo; the campaign is then written with the server
  // stopped (PGlite's folder belongs to one process at a time), and the measured server starts.
  progress(`${engine}: first start (migrations, demo seed)`);
  const first = await startApi({ env });
  await first.stop();
  progress(`${engine}: building a campaign of ${count} shared participations`);
  const buildStarted = performance.now();
  const database = await open();
  let built: BuiltCampaign;
  try {
    built = await buildFollowUpCampaign(database.db, release, count);
    // A school's database has been vacuumed and analysed by autovacuum long before a teacher
    // opens the tabs; measured straight after a bulk load, the planner would guess blind.
    await database.db.execute(sql`vacuum analyze`);
  } finally {
    await database.close();
  }
  const buildSeconds = (performance.now() - buildStarted) / 1000;
  progress(`${engine}: built in ${buildSeconds.toFixed(1)} s; starting the measured server`);
  const server = await startApi({ env });
  try {
    const cookie = await signIn(server.url);
    const c = `/api/campaigns/${built.campaignId}`;
    const one = `divisions=${encodeURIComponent(built.firstClass)}`;
    progress(`${engine}: « Participants »`);
    const participants = await measurePage(server.url, cookie, () => [`${c}/activity`, `${c}/activity/participants?page=1&pageSize=50`]);
    progress(`${engine}: « Résultats »`);
    const results = await measurePage(server.url, cookie, () => [`${c}/results/summary`, `${c}/results?page=1&pageSize=50`]);
    const resultsFiltered = await measurePage(server.url, cookie, () => [`${c}/results/summary?${one}`, `${c}/results?page=1&pageSize=50&${one}`]);
    progress(`${engine}: participant pages`);
    const step = Math.max(1, Math.floor(built.participationIds.length / (samples + WARM_UP)));
    const participantPage = await measurePage(server.url, cookie, (i) => {
      const id = built.participationIds[(i * step) % built.participationIds.length];
      return [`${c}/participations/${id}`, `${c}/participations/${id}/analysis`];
    });
    progress(`${engine}: « Analyse » and « Résultats collectifs »`);
    const analysis = await measurePage(server.url, cookie, () => [`${c}/analysis`]);
    const collective = await measurePage(server.url, cookie, () => [`${c}/collective-results`]);
    progress(`${engine}: export`);
    const exported = await measureExports(server, cookie, built.campaignId, count);
    return {
      report: {
        participantsP50: participants.p50,
        participantsP95: participants.p95,
        resultsP50: results.p50,
        resultsP95: results.p95,
        resultsFilteredP50: resultsFiltered.p50,
        resultsFilteredP95: resultsFiltered.p95,
        participantPageP50: participantPage.p50,
        participantPageP95: participantPage.p95,
        analysisP50: analysis.p50,
        analysisP95: analysis.p95,
        collectiveP50: collective.p50,
        collectiveP95: collective.p95,
        exportRowsPerSec: exported.rowsPerSec,
        exportRssGrowthMB: exported.rssGrowthMB,
      },
      buildSeconds,
      exportSeconds: exported.seconds,
    };
  } finally {
    await server.stop();
  }
}

const ENGINE_NAMES: Record<Engine, string> = { postgres: 'PostgreSQL', pglite: 'PGlite' };

function table(results: Partial<Record<Engine, Awaited<ReturnType<typeof runEngine>>>>): string {
  const pages: [string, keyof EngineReport, keyof EngineReport][] = [
    ['Participants', 'participantsP50', 'participantsP95'],
    ['Résultats', 'resultsP50', 'resultsP95'],
    ['Résultats, one class', 'resultsFilteredP50', 'resultsFilteredP95'],
    ['Participant page', 'participantPageP50', 'participantPageP95'],
    ['Analyse', 'analysisP50', 'analysisP95'],
    ['Résultats collectifs', 'collectiveP50', 'collectiveP95'],
  ];
  const ran = engines.map((engine) => ({ engine, result: results[engine]! }));
  const lines = [
    `Follow-up pages, ${samples} loads each after ${WARM_UP} warm-up loads (ms; a page's requests run at once):`,
    '',
    `| Page | ${ran.map(({ engine }) => `${ENGINE_NAMES[engine]} (${sizes[engine]}) p50 / p95`).join(' | ')} |`,
    `|---|${ran.map(() => '---|').join('')}`,
    ...pages.map(([name, p50, p95]) => `| ${name} | ${ran.map(({ result }) => `${result.report[p50]} / ${result.report[p95]}`).join(' | ')} |`),
    `| Export (rows/s, RSS growth) | ${ran.map(({ result }) => `${result.report.exportRowsPerSec} rows/s in ${result.exportSeconds.toFixed(1)} s, +${result.report.exportRssGrowthMB} MB`).join(' | ')} |`,
    '',
    `Campaign built in ${ran.map(({ engine, result }) => `${result.buildSeconds.toFixed(1)} s (${ENGINE_NAMES[engine]})`).join(' and ')}, not measured.`,
  ];
  const pg = results.postgres?.report;
  if (!pg) return lines.join('\n');
  const misses = [
    ...pages.filter(([, , p95]) => pg[p95] > TARGETS.p95Ms).map(([name, , p95]) => `${name} p95 ${pg[p95]} ms > ${TARGETS.p95Ms}`),
    ...(pg.exportRowsPerSec < TARGETS.exportRowsPerSec ? [`export ${pg.exportRowsPerSec} rows/s < ${TARGETS.exportRowsPerSec}`] : []),
    ...(pg.exportRssGrowthMB > TARGETS.exportRssGrowthMB ? [`export RSS growth ${pg.exportRssGrowthMB} MB > ${TARGETS.exportRssGrowthMB}`] : []),
  ];
  lines.push(misses.length === 0 ? 'PostgreSQL targets met (p95 ≤ 300 ms, export ≥ 20,000 rows/s, RSS growth ≤ 64 MB).' : `PostgreSQL targets missed: ${misses.join('; ')}.`);
  return lines.join('\n');
}

async function main() {
  exitAfter(40 * 60_000, 'bench:results');
  const { release } = loadRelease();
  const results: Partial<Record<Engine, Awaited<ReturnType<typeof runEngine>>>> = {};
  for (const engine of engines) results[engine] = await runEngine(engine, release);
  if (args.json) console.log(JSON.stringify(Object.fromEntries(engines.map((engine) => [engine, results[engine]!.report]))));
  else console.log(table(results));
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void runCleanups());
