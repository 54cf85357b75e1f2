/**
 * `npm run bench:load [-- --json] [--processes N] [--seconds S] [--pupils N] [--teachers N] [--exports N] [--export-participations N] [--pace MIN-MAX] [--pool N] [--seed N]`
 *
 * A school's busy hour on several API processes (`JALON_PROCESSES`) and a throwaway
 * PostgreSQL, for a bounded window: pupils answering an assessment campaign at a human pace,
 * teachers refreshing that campaign's « Activité » and « Résultats » tabs, and CSV exports of a
 * big campaign downloaded back to back. It prints per route family the count, rate and
 * p50/p95/p99, the errors, the exports (also measured alone before the window), the database's
 * connections and where the CPU went; with --json exactly one JSON object on stdout. Progress
 * goes to stderr. Exits 1 when a target is missed.
 */
import { loadRelease, type Release } from '@jalon/content';
import { sql } from 'drizzle-orm';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../apps/api/src/modules/identity/password';
import { users } from '../apps/api/src/modules/identity/schema';
import { memberships } from '../apps/api/src/modules/organizations/schema';
import { openDatabase, type Db } from '../apps/api/src/platform/db/database';
import { startApi } from './support/api-server';
import { exitAfter, runCleanups } from './support/cleanup';
import { buildFollowUpCampaign, FOLLOW_UP_TEACHER } from './support/follow-up-campaign';
import { newLearnerStats, openAssessmentCampaign, runLearner, Window, type LearnerStats } from './support/learner';
import { nonNegativeInteger, parsePace, percentile, positiveInteger } from './support/options';
import { startPostgres } from './support/postgres';
import { childPids, cpuPressureMicros, familyCpuSeconds, parentPid } from './support/proc';
import { seededRandom } from './support/random';
import { ErrorTally, HttpError, labelOfRequestId, REQUEST_TIMEOUT_MS, UserAgent } from './support/user-agent';

/** The second exporter: the demo ADMIN of « Collège Victor-Hugo », where the big campaign is (its owner Bruno is the first). */
const SECOND_EXPORTER = { login: 'alice.martin@example.org', password: 'Jalon-demo-2026' };
const ACCOUNT_PASSWORD = 'Charge-2026-x';
/** Sign-ins verify an argon2 hash (~30 ms of CPU each): a few at a time, as a class arriving. */
const SIGN_IN_CONCURRENCY = 8;
/** Seconds between two refreshes of a teacher's page. */
const TEACHER_REFRESH = { minMs: 5_000, maxMs: 15_000 };
/** pg_stat_activity is read this often during the window. */
const CONNECTION_SAMPLE_MS = 500;
/**
 * « Export not slowed »: the median download of the window may take this much longer than the
 * same exports run at once alone before it: pupils and teachers share the machine with them,
 * so a small slowdown is the price of running them together.
 */
const EXPORT_SLOWDOWN_TOLERANCE = 1.25;
const TARGETS = { errors: 0, answerP99Ms: 200 };
/** The pupils have all joined by then (the pace's maximum is 30 s by default), and the teachers are watching. */
const FIRST_EXPORT_AFTER_MS = 20_000;
/** The page a web app tab shows, and the requests it sends at once when it loads (see apps/web/src/features/orga/campaigns). */
const TEACHER_TABS: { name: string; routes: (campaignId: string) => [label: string, route: string][] }[] = [
  { name: 'Activité', routes: (c) => [['campaign', `/api/campaigns/${c}`], ['activity', `/api/campaigns/${c}/activity`], ['activity participants', `/api/campaigns/${c}/activity/participants?page=1&pageSize=50`]] },
  { name: 'Résultats', routes: (c) => [['campaign', `/api/campaigns/${c}`], ['results summary', `/api/campaigns/${c}/results/summary`], ['results', `/api/campaigns/${c}/results?page=1&pageSize=50`]] },
];

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    processes: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '120' },
    pupils: { type: 'string', default: '1000' },
    teachers: { type: 'string', default: '20' },
    exports: { type: 'string', default: '2' },
    'export-participations': { type: 'string', default: '10000' },
    'export-every': { type: 'string', default: '60' },
    pace: { type: 'string', default: '10-30' },
    pool: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    'server-timing': { type: 'boolean', default: false },
  },
});
const processes = positiveInteger('processes', args.processes);
const windowSeconds = positiveInteger('seconds', args.seconds);
const pupilCount = positiveInteger('pupils', args.pupils);
// 0 teachers or 0 exports leave that party out, to see what the others cost alone.
const teacherCount = nonNegativeInteger('teachers', args.teachers);
const exportCount = nonNegativeInteger('exports', args.exports);
const exportRows = positiveInteger('export-participations', args['export-participations']);
// 0: back to back, a stress test rather than a school's hour.
const exportEverySeconds = nonNegativeInteger('export-every', args['export-every']);
const pace = parsePace(args.pace);
const poolSize = positiveInteger('pool', args.pool);
const seed = positiveInteger('seed', args.seed);
if (exportCount > 2) {
  console.error('--exports: the demo school has two teachers to download them, so at most 2');
  process.exit(2);
}

function progress(message: string) {
  console.error(`[bench:load] ${message}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------
// What the window records: every 2xx request's latency by label, every failure by kind.

class Recorder {
  recording = false;
  readonly latencies = new Map<string, number[]>();
  readonly errors = new ErrorTally();

  /** Handed to each user agent: the window's requests only. */
  readonly observe = (label: string, ms: number) => {
    if (this.recording) this.add(label, ms);
  };

  add(label: string, ms: number) {
    const list = this.latencies.get(label) ?? [];
    list.push(ms);
    this.latencies.set(label, list);
  }

  fail(error: unknown) {
    if (!(error instanceof HttpError)) throw error;
    if (this.recording) this.errors.add(error);
  }
}

/**
 * `--server-timing`: the server runs at `LOG_LEVEL=info` and logs `responseTime` for each
 * request (from its arrival in the worker to the last byte written); the bench's requests carry
 * their label in `x-request-id`. Client latency minus server time is what a request spent
 * outside the handler: the connection's hand-off by the primary, the worker's busy event loop
 * before the request is read, the network and the bench's own event loop.
 */
class ServerTiming extends Writable {
  readonly latencies = new Map<string, number[]>();
  private partial = '';

  constructor(private readonly recorder: Recorder) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void) {
    const lines = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      let entry: { level?: number; msg?: string; reqId?: string; responseTime?: number };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        process.stderr.write(`${line}\n`);
        continue;
      }
      // Warnings and errors still reach the terminal, as without this option.
      if ((entry.level ?? 0) >= 40) process.stderr.write(`${line}\n`);
      const label = entry.msg === 'request completed' && entry.reqId ? labelOfRequestId(entry.reqId) : null;
      if (label === null || !this.recorder.recording || entry.responseTime === undefined) continue;
      const list = this.latencies.get(label) ?? [];
      list.push(entry.responseTime);
      this.latencies.set(label, list);
    }
    done();
  }
}

// ---------------------------------------------------------------------------------------
// Setup, not measured: accounts in the database, sign-ins through the API.

interface Account {
  login: string;
  password: string;
}

/** Pupils and teachers written straight into the database, with one argon2 hash for all (the same password). */
async function createAccounts(db: Db, organizationId: string): Promise<{ pupils: Account[]; teachers: Account[] }> {
  const passwordHash = await hashPassword(ACCOUNT_PASSWORD);
  const now = new Date();
  const pupils = Array.from({ length: pupilCount }, (_, i) => ({ login: `charge.eleve.${i + 1}@example.org`, password: ACCOUNT_PASSWORD }));
  const teachers = Array.from({ length: teacherCount }, (_, i) => ({ login: `charge.enseignant.${i + 1}@example.org`, password: ACCOUNT_PASSWORD }));
  await db.transaction(async (tx) => {
    for (let start = 0; start < pupils.length; start += 500) {
      await tx.insert(users).values(
        pupils.slice(start, start + 500).map((pupil, i) => ({ firstName: 'Élève', lastName: `Charge ${start + i + 1}`, email: pupil.login, passwordHash, termsAcceptedAt: now })),
      );
    }
    if (teachers.length === 0) return;
    const staff = await tx
      .insert(users)
      .values(teachers.map((teacher, i) => ({ firstName: 'Enseignant', lastName: `Charge ${i + 1}`, email: teacher.login, passwordHash, termsAcceptedAt: now, orgaTermsAcceptedAt: now })))
      .returning({ id: users.id });
    await tx.insert(memberships).values(staff.map(({ id }) => ({ organizationId, userId: id, role: 'MEMBER' })));
  });
  return { pupils, teachers };
}

/** Signs every account in through the API, a few at a time; a failure here stops the bench (the window has not opened). */
async function signInAll(baseUrl: string, accounts: Account[], recorder: Recorder): Promise<UserAgent[]> {
  const agents = accounts.map(() => new UserAgent(baseUrl, recorder.observe, args['server-timing']));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < accounts.length; i = next++) {
      await agents[i]!.request('POST', '/api/auth/sign-in', 'sign-in', { login: accounts[i]!.login, password: accounts[i]!.password });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SIGN_IN_CONCURRENCY, accounts.length) }, worker));
  return agents;
}

// ---------------------------------------------------------------------------------------
// The window's other users: teachers refreshing their tabs, exporters downloading.

async function runTeacher(agent: UserAgent, campaignId: string, random: () => number, window: Window, recorder: Recorder) {
  const pause = () => TEACHER_REFRESH.minMs + (TEACHER_REFRESH.maxMs - TEACHER_REFRESH.minMs) * random();
  // Teachers do not open the page at the same second, and not all on the same tab.
  let tab = random() < 0.5 ? 0 : 1;
  await window.sleep(random() * TEACHER_REFRESH.maxMs);
  while (!window.over) {
    const page = TEACHER_TABS[tab]!;
    const startedAt = performance.now();
    // The tab's requests at once, as the web app sends them; the page is there when the slowest is.
    const settled = await Promise.allSettled(page.routes(campaignId).map(([label, route]) => agent.request('GET', route, label)));
    const failures = settled.filter((result) => result.status === 'rejected');
    for (const failure of failures) recorder.fail(failure.reason);
    if (failures.length === 0) recorder.observe(`page « ${page.name} »`, performance.now() - startedAt);
    tab = 1 - tab;
    await window.sleep(pause());
  }
}

interface Download {
  rows: number;
  seconds: number;
}

/** Downloads the campaign's CSV export, counting its lines as they stream; the file is not kept. */
async function downloadExport(agent: UserAgent, campaignId: string, expectedRows: number): Promise<Download> {
  const startedAt = performance.now();
  const newlines = await agent.download(`/api/campaigns/${campaignId}/export.csv`, 'export', async (body) => {
    let count = 0;
    for await (const chunk of body) {
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count++;
    }
    return count;
  });
  const seconds = (performance.now() - startedAt) / 1000;
  // One line of headers; a short file is a failed export, whatever its status said.
  if (newlines - 1 !== expectedRows) throw new HttpError('export', 200, `${newlines - 1}_ROWS_OF_${expectedRows}`);
  return { rows: newlines - 1, seconds };
}

/**
 * A teacher downloading the results: the first download once the class has started (the
 * exporters' starts spread over `--export-every`), then one every `--export-every` seconds,
 * start to start; back to back with 0.
 */
async function runExporter(agent: UserAgent, campaignId: string, window: Window, recorder: Recorder, downloads: Download[], index: number) {
  const everyMs = exportEverySeconds * 1000;
  let nextStart = window.startedAt + FIRST_EXPORT_AFTER_MS + (everyMs * index) / Math.max(1, exportCount);
  for (;;) {
    await window.sleep(nextStart - performance.now());
    if (window.over) return;
    nextStart += everyMs;
    try {
      downloads.push(await downloadExport(agent, campaignId, exportRows));
    } catch (error) {
      recorder.fail(error);
      nextStart = Math.max(nextStart, performance.now() + 1_000);
    }
  }
}

// ---------------------------------------------------------------------------------------
// The database's connections and the CPU of each party, read during the window.

/** Samples the cluster's client connections (this sampler's own left out) every 500 ms until stopped. */
async function sampleConnections(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const postmasterPid = parentPid(rows[0]!.pid);
  let max = 0;
  let samples = 0;
  let failures = 0;
  // Connections running a statement at the sample: how much of the wait is PostgreSQL's.
  let activeSum = 0;
  let activeMax = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const result = await client.query<{ n: number; active: number }>(
          `select count(*)::int as n, (count(*) filter (where state = 'active'))::int as active
           from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
        );
        const { n, active } = result.rows[0]!;
        max = Math.max(max, n);
        activeSum += active;
        activeMax = Math.max(activeMax, active);
        samples++;
      } catch {
        failures++;
      }
      await sleep(CONNECTION_SAMPLE_MS);
    }
  })();
  return {
    postmasterPid,
    async stop() {
      stopped = true;
      await loop;
      await client.end();
      return { max, samples, failures, activeMean: samples > 0 ? activeSum / samples : 0, activeMax };
    },
  };
}

interface CpuReading {
  api: number;
  postgres: number;
  bench: number;
}

function readCpu(apiPid: number, postmasterPid: number | null): CpuReading {
  const own = process.cpuUsage();
  return { api: familyCpuSeconds(apiPid), postgres: postmasterPid ? familyCpuSeconds(postmasterPid) : 0, bench: (own.user + own.system) / 1e6 };
}

// ---------------------------------------------------------------------------------------

interface Figures {
  perSec: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

interface Report {
  processes: number;
  seconds: number;
  errors: number;
  answers: Figures;
  teacherPages: Figures;
  exports: { rowsPerSec: number | null; seconds: number | null };
  dbConnectionsMax: number;
}

function figures(latencies: readonly number[], seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { perSec: Math.round((sorted.length / seconds) * 10) / 10, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function exportFigures(downloads: readonly Download[]) {
  const rowsPerSec = median(downloads.map((d) => d.rows / d.seconds));
  const seconds = median(downloads.map((d) => d.seconds));
  return { rowsPerSec: rowsPerSec === null ? null : Math.round(rowsPerSec), seconds: seconds === null ? null : Math.round(seconds * 100) / 100 };
}

interface Run {
  report: Report;
  recorder: Recorder;
  /** `--server-timing`: the server's own time per request label. */
  serverLatencies: Map<string, number[]> | null;
  pupils: LearnerStats;
  alone: Download;
  downloads: Download[];
  connections: { samples: number; failures: number; activeMean: number; activeMax: number };
  cpu: CpuReading;
  loadBefore: number;
  /** Share of the window during which some task waited for a CPU (Linux PSI), null without it. */
  cpuPressure: number | null;
  workers: number;
  /** The bench's own event loop delay during the window, p99 and max, in ms. */
  benchLoopDelayMs: { p99: number; max: number };
}

async function run(release: Release): Promise<Run> {
  progress('starting a throwaway PostgreSQL cluster');
  const cluster = await startPostgres();
  progress(`starting the API: ${processes} processes (JALON_PROCESSES), a pool of ${poolSize} connections each, demo seed`);
  const recorder = new Recorder();
  const serverTiming = args['server-timing'] ? new ServerTiming(recorder) : null;
  const server = await startApi({
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: serverTiming ? 'info' : 'warn',
      JALON_DEMO: 'on',
      DATABASE_URL: cluster.url,
      JALON_PROCESSES: String(processes),
      JALON_DB_POOL_SIZE: String(poolSize),
    },
    ...(serverTiming ? { output: serverTiming } : {}),
  });
  const campaign = await openAssessmentCampaign(server.url, 'Bench de charge');

  progress(`writing ${exportRows} shared participations of « Collège Victor-Hugo » for the exports, ${pupilCount} pupils and ${teacherCount} teachers`);
  const database = await openDatabase({ databaseUrl: cluster.url, dataDir: '' });
  let bigCampaignId: string;
  let accounts: Awaited<ReturnType<typeof createAccounts>>;
  try {
    bigCampaignId = (await buildFollowUpCampaign(database.db, release, exportRows)).campaignId;
    accounts = await createAccounts(database.db, campaign.organizationId);
    // As autovacuum would have long before: the planner gets statistics for the bulk-written tables.
    await database.db.execute(sql`vacuum analyze`);
  } finally {
    await database.close();
  }

  const signInStarted = performance.now();
  const pupilAgents = await signInAll(server.url, accounts.pupils, recorder);
  const teacherAgents = await signInAll(server.url, accounts.teachers, recorder);
  // Bruno measures the export alone even when the window has no exporter.
  const exporterAgents = await signInAll(server.url, [FOLLOW_UP_TEACHER, SECOND_EXPORTER].slice(0, Math.max(1, exportCount)), recorder);
  progress(`${pupilCount + teacherCount + exporterAgents.length} accounts signed in in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

  // The exports alone, on the warmed-up server: one download to compile its code paths, then
  // the window's exporters at once, so that the comparison isolates what pupils and teachers cost them.
  await downloadExport(exporterAgents[0]!, bigCampaignId, exportRows);
  const aloneDownloads = await Promise.all(exporterAgents.map((agent) => downloadExport(agent, bigCampaignId, exportRows)));
  const alone: Download = { rows: exportRows, seconds: median(aloneDownloads.map((d) => d.seconds))! };
  progress(`exports alone (${exporterAgents.length} at once): ${exportRows} rows in ${alone.seconds.toFixed(2)} s (median)`);

  progress(`window: ${pupilCount} pupils (thinking ${args.pace} s), ${teacherCount} teachers, ${exportCount} exporters, for ${windowSeconds} s`);
  const sampler = await sampleConnections(cluster.url);
  const workers = childPids(server.pid).length;
  const pupils = newLearnerStats(recorder.errors);
  const downloads: Download[] = [];
  const master = seededRandom(seed);
  const streams = () => seededRandom(Math.floor(master() * 2 ** 32));
  const loadBefore = os.loadavg()[0]!;
  // The simulated users' own event loop: when it lags, every latency measured here includes the lag.
  const benchLoop = monitorEventLoopDelay({ resolution: 10 });
  benchLoop.enable();
  const cpuBefore = readCpu(server.pid, sampler.postmasterPid);
  const pressureBefore = cpuPressureMicros();
  recorder.recording = true;
  const window = new Window(windowSeconds);
  const ticker = setInterval(() => {
    const elapsed = Math.round((performance.now() - window.startedAt) / 1000);
    progress(`${elapsed} s: ${pupils.answers} answers, ${pupils.finished} pupils finished, ${downloads.length} exports, ${recorder.errors.total} errors`);
  }, 10_000);
  // Streams drawn in a fixed order, so a user's choices do not depend on timing.
  const pupilRuns = pupilAgents.map((agent) => ({ agent, random: streams() }));
  const teacherRuns = teacherAgents.map((agent) => ({ agent, random: streams() }));
  await Promise.all([
    ...pupilRuns.map(({ agent, random }) => runLearner({ agent, campaignId: campaign.id, release, random, window, pace, stats: pupils })),
    ...teacherRuns.map(({ agent, random }) => runTeacher(agent, campaign.id, random, window, recorder)),
    ...exporterAgents.slice(0, exportCount).map((agent, index) => runExporter(agent, bigCampaignId, window, recorder, downloads, index)),
  ]);
  recorder.recording = false;
  benchLoop.disable();
  clearInterval(ticker);
  const elapsed = (performance.now() - window.startedAt) / 1000;
  const cpuAfter = readCpu(server.pid, sampler.postmasterPid);
  const pressureAfter = cpuPressureMicros();
  const connections = await sampler.stop();

  const pages = [...(recorder.latencies.get('page « Activité »') ?? []), ...(recorder.latencies.get('page « Résultats »') ?? [])];
  const report: Report = {
    processes,
    seconds: Math.round(elapsed * 10) / 10,
    errors: recorder.errors.total,
    answers: figures(recorder.latencies.get('answer') ?? [], elapsed),
    teacherPages: figures(pages, elapsed),
    exports: exportFigures(downloads),
    dbConnectionsMax: connections.max,
  };
  await server.stop();
  await cluster.stop();
  return {
    report,
    recorder,
    serverLatencies: serverTiming?.latencies ?? null,
    pupils,
    alone,
    downloads,
    connections,
    cpu: { api: cpuAfter.api - cpuBefore.api, postgres: cpuAfter.postgres - cpuBefore.postgres, bench: cpuAfter.bench - cpuBefore.bench },
    loadBefore,
    cpuPressure: pressureBefore === null || pressureAfter === null ? null : (pressureAfter - pressureBefore) / 1e6 / elapsed,
    workers,
    benchLoopDelayMs: { p99: Math.round(benchLoop.percentile(99) / 1e5) / 10, max: Math.round(benchLoop.max / 1e5) / 10 },
  };
}

// ---------------------------------------------------------------------------------------

/** `met` is null when the window did not include what the target is about. */
function verdicts(result: Run): { met: boolean | null; text: string }[] {
  const { report, alone } = result;
  const aloneRowsPerSec = Math.round(alone.rows / alone.seconds);
  return [
    { met: report.errors <= TARGETS.errors, text: `errors ${report.errors} = ${TARGETS.errors}` },
    { met: report.answers.p99 !== null && report.answers.p99 <= TARGETS.answerP99Ms, text: `answer p99 ${report.answers.p99 ?? '–'} ms ≤ ${TARGETS.answerP99Ms} ms` },
    {
      met: exportCount === 0 ? null : report.exports.seconds !== null && report.exports.seconds <= alone.seconds * EXPORT_SLOWDOWN_TOLERANCE,
      text:
        `export not slowed: median download ${report.exports.seconds ?? '–'} s (${report.exports.rowsPerSec ?? '–'} rows/s) ≤ ${EXPORT_SLOWDOWN_TOLERANCE} × ` +
        `${alone.seconds.toFixed(2)} s alone (${aloneRowsPerSec} rows/s)`,
    },
  ];
}

const FAMILIES = [
  ['join', 'pupils'],
  ['next', 'pupils'],
  ['answer', 'pupils'],
  ['checkpoint', 'pupils'],
  ['final checkpoint', 'pupils'],
  ['page « Activité »', 'teachers, a page'],
  ['campaign', 'teachers'],
  ['activity', 'teachers'],
  ['activity participants', 'teachers'],
  ['page « Résultats »', 'teachers, a page'],
  ['results summary', 'teachers'],
  ['results', 'teachers'],
  ['export', 'exporters'],
] as const;

function printTable(result: Run) {
  const { report, recorder, pupils, alone, downloads, cpu } = result;
  const errorsByLabel = new Map<string, number>();
  for (const [kind, count] of recorder.errors.kinds) {
    const label = FAMILIES.find(([name]) => kind.startsWith(`${name} `))?.[0] ?? kind;
    errorsByLabel.set(label, (errorsByLabel.get(label) ?? 0) + count);
  }
  const server = result.serverLatencies;
  const header = ['route family', 'who', 'count', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', ...(server ? ['server p50', 'server p99'] : [])];
  const rows = FAMILIES.map(([label, who]) => {
    const f = figures(recorder.latencies.get(label) ?? [], report.seconds);
    const count = recorder.latencies.get(label)?.length ?? 0;
    const row = [label, who, String(count), f.perSec.toFixed(1), String(f.p50 ?? '–'), String(f.p95 ?? '–'), String(f.p99 ?? '–'), String(errorsByLabel.get(label) ?? 0)];
    if (!server) return row;
    // A page is no request of its own: the server times its requests, listed under it.
    const own = figures(server.get(label) ?? [], report.seconds);
    return [...row, String(own.p50 ?? '–'), String(own.p99 ?? '–')];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const meanThink = (pace.minMs + pace.maxMs) / 2000;
  const aloneRowsPerSec = Math.round(alone.rows / alone.seconds);

  console.log(
    `Jalon load bench: ${report.processes} API processes (${result.workers} workers seen) on PostgreSQL, a ${windowSeconds} s window (${report.seconds} s with the requests in flight), seed ${seed}`,
  );
  console.log(
    `${pupilCount} pupils thinking ${args.pace} s per question (at most about ${meanThink > 0 ? Math.round(pupilCount / meanThink) : '∞'} answers/s at that pace), ` +
      `${teacherCount} teachers refreshing « Activité » / « Résultats » every 5–15 s, ${exportCount} exporters of a ${exportRows}-row campaign ${exportEverySeconds === 0 ? 'back to back' : `every ${exportEverySeconds} s each`}`,
  );
  console.log(
    `${os.cpus().length} CPU(s), Node ${process.version}, load average ${result.loadBefore.toFixed(1)} as the window opened` +
      `${result.cpuPressure === null ? '' : `, some task waiting for a CPU ${Math.round(result.cpuPressure * 100)} % of the window (PSI)`}; everything runs on this machine`,
  );
  console.log('');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('A page is its requests sent at once, as the web app loads the tab; its latency is the slowest one. Export latencies are whole downloads.');
  if (server) console.log('Server: the worker\'s own responseTime (arrival in the worker to the last byte); the rest of a latency was spent before the worker read the request or in the bench.');
  console.log('');
  console.log(`Errors: ${report.errors}${report.errors > 0 ? ` (${recorder.errors.describe()})` : ''}`);
  console.log(
    `Pupils: ${pupils.answers} answers (${pupils.rightAnswers} right, ${pupils.skips} skipped); ${pupils.finished} finished their test, ${pupils.stopped} stopped by the window, ${pupils.gaveUp} gave up after 3 failures in a row`,
  );
  const window = exportFigures(downloads);
  console.log(
    `Exports: alone before the window ${alone.seconds.toFixed(2)} s (${aloneRowsPerSec} rows/s); in the window ${downloads.length} downloads, median ${window.seconds ?? '–'} s (${window.rowsPerSec ?? '–'} rows/s)`,
  );
  console.log(
    `Database connections: at most ${report.dbConnectionsMax} (${result.connections.samples} samples every ${CONNECTION_SAMPLE_MS} ms${result.connections.failures ? `, ${result.connections.failures} failed` : ''}); ` +
      `the bound is ${processes} × (pool ${poolSize} + pg-boss 3 + live events 1) = ${processes * (poolSize + 4)}; ` +
      `running a statement: ${result.connections.activeMean.toFixed(1)} on average, at most ${result.connections.activeMax}`,
  );
  const share = (seconds: number) => `${Math.round((seconds / report.seconds) * 100)} %`;
  console.log(
    `CPU during the window, in % of one core: API processes ${share(cpu.api)}, PostgreSQL ${share(cpu.postgres)}, this bench ${share(cpu.bench)} (of ${os.cpus().length * 100} %); ` +
      `the bench's own event loop delay p99 ${result.benchLoopDelayMs.p99} ms, max ${result.benchLoopDelayMs.max} ms`,
  );
  console.log('');
  console.log('Targets:');
  for (const verdict of verdicts(result)) console.log(`  ${verdict.met === null ? 'n/a   ' : verdict.met ? 'met   ' : 'MISSED'}  ${verdict.text}`);
}

async function main() {
  // A cluster, a server start, the big campaign, the sign-ins, the export alone, the window,
  // the requests in flight and the stops, with room to spare.
  exitAfter((600 + pupilCount * 0.2 + exportRows * 0.01 + windowSeconds + REQUEST_TIMEOUT_MS / 1000) * 1000, 'bench:load');
  progress('loading the content release (for right answers)');
  const { release } = loadRelease();
  const result = await run(release);
  if (args.json) console.log(JSON.stringify(result.report));
  else printTable(result);
  if (verdicts(result).some((verdict) => verdict.met === false)) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error('[bench:load] failed:', error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
