/**
 * `npm run bench:answers [-- --json] [--learners N] [--seconds S] [--pace MIN-MAX] [--pool N] [--ceiling-seconds S] [--seed N]`
 *
 * N learners (300 by default) take an assessment campaign at the same time through the
 * HTTP API, answering back to back by default, on PostgreSQL (a throwaway cluster) and on
 * PGlite (a temporary folder), each server started fresh with the demo seed. For each
 * engine it also measures the ceiling: single-row insert transactions in a loop at the same
 * concurrency on the same engine, through as many connections as the server's pool.
 * It prints answers/s, the p50/p95/p99 latency of `POST …/answers`, the errors and
 * ratio = answers/s ÷ ceiling; with --json exactly one JSON object on stdout. Progress and
 * the servers' own logs go to stderr. Exits 1 when any request failed, since such a run
 * does not measure the API.
 */
import { PGlite } from '@electric-sql/pglite';
import { loadRelease, statedAnswer, type Release } from '@jalon/content';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startApi } from './support/api-server';
import { exitAfter, onCleanup, runCleanups } from './support/cleanup';
import { startPostgres } from './support/postgres';
import { seededRandom } from './support/random';

const ENGINES = ['postgres', 'pglite'] as const;
type Engine = (typeof ENGINES)[number];

const ORGA_LOGIN = 'dominique.roux@example.org';
const ORGA_PASSWORD = 'Jalon-demo-2026';
const ORGANIZATION_NAME = 'Association Clic Solidaire';
const TARGET_PROFILE_ID = 'tp-rentree';
const LEARNER_PASSWORD = 'Bench-2026-x';
/** Sign-ups hash with argon2 (~30 ms of CPU each): a few at a time keep the server responsive. */
const SIGN_UP_CONCURRENCY = 8;
/** A request slower than this counts as an error, like autocannon's timeouts in bench:api. */
const REQUEST_TIMEOUT_MS = 30_000;
/** After this many failed requests in a row a learner gives up, so a broken server cannot spin the loop. */
const MAX_CONSECUTIVE_ERRORS = 3;
/** Connections the wide ceiling leaves free on the cluster (the cluster allows 200, see .ci/postgres.sh). */
const RESERVED_CONNECTIONS = 10;
/**
 * The server's answers per user and minute (`ANSWER_RATE_LIMIT_PER_MINUTE`, 60 by default, as
 * the spec says): learners answering back to back would hit it, and the bench measures the
 * server, not its limit.
 */
const BENCH_ANSWERS_PER_MINUTE = 1_000_000;
const TARGETS = { ratio: 0.5, p99Ms: 150, errors: 0 };

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    learners: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '60' },
    pace: { type: 'string', default: '0' },
    pool: { type: 'string', default: '10' },
    'ceiling-seconds': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
  },
});
const learnerCount = positiveInteger('learners', args.learners);
const windowSeconds = positiveInteger('seconds', args.seconds);
const ceilingSeconds = positiveInteger('ceiling-seconds', args['ceiling-seconds']);
const seed = positiveInteger('seed', args.seed);
const poolSize = positiveInteger('pool', args.pool);
const pace = parsePace(args.pace);

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive integer, got ${text}`);
    process.exit(2);
  }
  return value;
}

/** `3` or `2-5`: seconds a learner thinks before each answer, drawn uniformly in the range. */
function parsePace(text: string): { minMs: number; maxMs: number } {
  const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(text);
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || max < min) {
    console.error(`--pace must be SECONDS or MIN-MAX seconds (e.g. 2-5, or 0 for no pause), got ${text}`);
    process.exit(2);
  }
  return { minMs: min * 1000, maxMs: max * 1000 };
}

function progress(message: string) {
  console.error(`[bench:answers] ${message}`);
}

// ---------------------------------------------------------------------------------------
// HTTP: one cookie jar per user, the CSRF cookie echoed on writes, as the web client does.

class HttpError extends Error {
  constructor(
    readonly label: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(`${label} answered ${status} ${code}`);
  }
}

class UserAgent {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: 'GET' | 'POST', route: string, label: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    const csrf = this.cookies.get('jalon_csrf');
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : null,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new HttpError(label, 0, error instanceof Error ? error.name : 'NETWORK');
    }
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      const equals = pair.indexOf('=');
      if (equals > 0) this.cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
    const text = await response.text();
    if (!response.ok) {
      let code = 'UNKNOWN';
      try {
        code = (JSON.parse(text) as { errors?: { code?: string }[] }).errors?.[0]?.code ?? code;
      } catch {
        // Not our JSON error shape (a proxy or a crash page): the status says enough.
      }
      throw new HttpError(label, response.status, code);
    }
    return JSON.parse(text) as T;
  }
}

// ---------------------------------------------------------------------------------------
// Answers: a right one from the release's own solution, or a skip.

/** The answer a challenge's solution gives (what a pupil who knows it types). */
function rightAnswer(release: Release, challengeId: string): string | Record<string, string> {
  const challenge = release.challenges.find((c) => c.id === challengeId);
  if (!challenge) throw new Error(`challenge ${challengeId} is not in the bench's release`);
  return statedAnswer(challenge);
}

// ---------------------------------------------------------------------------------------
// Setup: the campaign (as the demo PRO admin) and the learners' accounts, before the window.

interface Campaign {
  id: string;
  code: string;
  targetProfileId: string;
}

async function createCampaign(baseUrl: string, engine: Engine): Promise<Campaign> {
  const orga = new UserAgent(baseUrl);
  await orga.request('POST', '/api/auth/sign-in', 'sign-in', { login: ORGA_LOGIN, password: ORGA_PASSWORD });
  const me = await orga.request<{ memberships: { organization: { id: string; name: string } }[] }>('GET', '/api/me', 'me');
  const organization = me.memberships.find((m) => m.organization.name === ORGANIZATION_NAME)?.organization;
  if (!organization) throw new Error(`${ORGA_LOGIN} is not a member of « ${ORGANIZATION_NAME} »; is the demo seed on?`);
  const { targetProfiles } = await orga.request<{ targetProfiles: { id: string; category: string }[] }>(
    'GET',
    `/api/organizations/${organization.id}/target-profiles`,
    'target profiles',
  );
  const profile = targetProfiles.find((p) => p.id === TARGET_PROFILE_ID) ?? targetProfiles.find((p) => p.category === 'BACK_TO_SCHOOL');
  if (!profile) throw new Error(`« ${ORGANIZATION_NAME} » offers neither ${TARGET_PROFILE_ID} nor any « Parcours de rentrée »`);
  const campaign = await orga.request<{ id: string; code: string }>('POST', `/api/organizations/${organization.id}/campaigns`, 'create campaign', {
    type: 'ASSESSMENT',
    name: `Bench des réponses (${engine})`,
    targetProfileId: profile.id,
  });
  // Checked once here: a restricted organization would turn every join into RECONCILIATION_REQUIRED.
  const landing = await orga.request<{ organization: { isRestricted: boolean } }>('GET', `/api/campaigns/by-code/${campaign.code}`, 'landing');
  if (landing.organization.isRestricted) throw new Error(`« ${ORGANIZATION_NAME} » is restricted: learners would need reconciliation`);
  return { id: campaign.id, code: campaign.code, targetProfileId: profile.id };
}

async function signUpLearners(baseUrl: string): Promise<UserAgent[]> {
  const agents: UserAgent[] = Array.from({ length: learnerCount }, () => new UserAgent(baseUrl));
  let nextIndex = 0;
  const worker = async () => {
    for (let i = nextIndex++; i < learnerCount; i = nextIndex++) {
      await agents[i]!.request('POST', '/api/auth/sign-up', 'sign-up', {
        firstName: 'Apprenant',
        lastName: `Bench ${i + 1}`,
        email: `bench.learner.${i + 1}@example.org`,
        password: LEARNER_PASSWORD,
        acceptTerms: true,
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SIGN_UP_CONCURRENCY, learnerCount) }, worker));
  return agents;
}

// ---------------------------------------------------------------------------------------
// The measured window: every learner joins, then answers at its pace until the end or the deadline.

/** The measured window's deadline; sleeps end early at it, so stopping never waits for a think time. */
class Window {
  readonly startedAt = performance.now();
  private readonly deadline = this.startedAt + windowSeconds * 1000;

  get over(): boolean {
    return performance.now() >= this.deadline;
  }

  sleep(ms: number): Promise<void> {
    const wait = Math.max(0, Math.min(ms, this.deadline - performance.now()));
    return new Promise((resolve) => setTimeout(resolve, wait));
  }
}

interface WindowStats {
  answerLatenciesMs: number[];
  answers: number;
  rightAnswers: number;
  skips: number;
  errors: number;
  errorKinds: Map<string, number>;
  finished: number;
  stopped: number;
  gaveUp: number;
}

type ChallengeStep = { kind: 'challenge'; challenge: { id: string }; servedAt: string | null };
type NextStep = ChallengeStep | { kind: 'end' };
interface AnswerResponse {
  next: 'challenge' | 'checkpoint' | 'end';
  step: ChallengeStep | null;
}

async function runLearner(agent: UserAgent, campaignId: string, release: Release, random: () => number, window: Window, stats: WindowStats) {
  // Each learner answers right with its own probability, so tests end after realistic, varied lengths.
  const ability = 0.2 + 0.7 * random();
  const think = () => pace.minMs + (pace.maxMs - pace.minMs) * random();
  let consecutiveErrors = 0;
  const failed = (error: unknown) => {
    if (!(error instanceof HttpError)) throw error;
    stats.errors++;
    const kind = `${error.label} ${error.status} ${error.code}`;
    stats.errorKinds.set(kind, (stats.errorKinds.get(kind) ?? 0) + 1);
    consecutiveErrors++;
  };

  // A class does not click « Commencer » at the same millisecond.
  await window.sleep(random() * pace.maxMs);
  let assessmentId: string | undefined;
  while (assessmentId === undefined) {
    if (window.over) return void stats.stopped++;
    if (consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) return void stats.gaveUp++;
    try {
      const joined = await agent.request<{ participation: { assessmentId: string | null } }>('POST', `/api/campaigns/${campaignId}/participations`, 'join', {});
      if (!joined.participation.assessmentId) throw new Error('an assessment campaign participation came back without an assessment');
      assessmentId = joined.participation.assessmentId;
    } catch (error) {
      failed(error);
      await window.sleep(1_000);
    }
  }

  const base = `/api/assessments/${assessmentId}`;
  // What the runner shows next: read with `next` at first, after a checkpoint and after an
  // error, otherwise taken from the answer's response, as the web runner does.
  let step: NextStep | null = null;
  // The web runner shows the final checkpoint (corrections) at the end; a learner reads it once.
  const end = async () => {
    await agent.request('GET', `${base}/checkpoint?final=true`, 'final checkpoint');
    stats.finished++;
  };
  // Bounded by the window: every turn of the loop makes a request or sleeps, and stops at the deadline.
  for (;;) {
    if (window.over) return void stats.stopped++;
    if (consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) return void stats.gaveUp++;
    try {
      const shown: NextStep = step ?? (await agent.request<NextStep>('GET', `${base}/next`, 'next'));
      step = null;
      if (shown.kind === 'end') return await end();
      await window.sleep(think());
      if (window.over) return void stats.stopped++;
      const right = random() < ability;
      const challengeId: string = shown.challenge.id;
      const body = right ? { challengeId, value: rightAnswer(release, challengeId) } : { challengeId, skipped: true };
      const sentAt = performance.now();
      const answered: AnswerResponse = await agent.request<AnswerResponse>('POST', `${base}/answers`, 'answer', body);
      stats.answerLatenciesMs.push(performance.now() - sentAt);
      stats.answers++;
      if (right) stats.rightAnswers++;
      else stats.skips++;
      consecutiveErrors = 0;
      if (answered.next === 'end') return await end();
      if (answered.next === 'checkpoint') await agent.request('GET', `${base}/checkpoint?final=false`, 'checkpoint');
      // A timed challenge comes back not started: its warning, then `next` starts it, as « Commencer » does.
      else if (answered.step?.servedAt) step = answered.step;
    } catch (error) {
      failed(error);
      await window.sleep(1_000);
    }
  }
}

// ---------------------------------------------------------------------------------------
// The ceiling: single-row insert transactions, `concurrency` loops at once, on the same engine.

const SCRATCH_TABLE = `create table bench_ceiling (
  id bigint generated always as identity primary key,
  worker int not null,
  value text not null,
  created_at timestamptz not null default now()
)`;
const SCRATCH_INSERT = 'insert into bench_ceiling (worker, value) values ($1, $2)';

async function insertLoop(concurrency: number, insert: (worker: number) => Promise<void>): Promise<{ tps: number; errors: number }> {
  const startedAt = performance.now();
  const deadline = startedAt + ceilingSeconds * 1000;
  let committed = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        try {
          await insert(worker);
          committed++;
        } catch (error) {
          errors++;
          if (errors === 1) progress(`ceiling insert failed: ${String(error)}`);
        }
      }
    }),
  );
  return { tps: committed / ((performance.now() - startedAt) / 1000), errors };
}

interface Ceiling {
  tps: number;
  connections: number;
  errors: number;
}

/**
 * The PostgreSQL ceilings: through as many connections as the server's pool (the one the
 * ratio uses: the server can never hold more), then through as many as there are loops
 * within what the cluster accepts (the wide one, what the database alone can commit).
 */
async function postgresCeilings(url: string): Promise<{ atPool: Ceiling; wide: Ceiling }> {
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const { rows } = await admin.query<{ max_connections: string }>('show max_connections');
  await admin.end();
  const atPool = await postgresCeiling(url, Math.min(learnerCount, poolSize));
  const wide = await postgresCeiling(url, Math.min(learnerCount, Number(rows[0]!.max_connections) - RESERVED_CONNECTIONS));
  return { atPool, wide };
}

/** `learners` loops on a pool of `connections`; the loops beyond it queue in the pool, as requests do in the server's. */
async function postgresCeiling(url: string, connections: number): Promise<Ceiling> {
  const loopPool = new pg.Pool({ connectionString: url, max: connections });
  await loopPool.query(SCRATCH_TABLE);
  try {
    // Same shape as a use case's db.transaction(): BEGIN, one INSERT, COMMIT on one connection.
    const result = await insertLoop(learnerCount, async (worker) => {
      const client = await loopPool.connect();
      try {
        await client.query('begin');
        await client.query(SCRATCH_INSERT, [worker, 'bench']);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
    await loopPool.query('drop table bench_ceiling');
    return { ...result, connections };
  } finally {
    await loopPool.end();
  }
}

async function pgliteCeiling(): Promise<Ceiling> {
  // The server's PGlite is locked by its process, so the ceiling runs on a second,
  // identical instance in this process, before the server starts.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-ceiling-'));
  const removeDir = onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const db = await PGlite.create(path.join(dataDir, 'pglite'));
  try {
    await db.exec(SCRATCH_TABLE);
    const result = await insertLoop(learnerCount, async (worker) => {
      await db.transaction(async (tx) => {
        await tx.query(SCRATCH_INSERT, [worker, 'bench']);
      });
    });
    return { ...result, connections: 1 };
  } finally {
    await db.close();
    await removeDir();
  }
}

/**
 * Transactions the cluster has committed or rolled back in its database, each statement run
 * outside a transaction counting one. Backends report them within a second or so of going
 * idle, so a difference across the window is close, not exact.
 */
async function databaseTransactions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select (xact_commit + xact_rollback)::text as n from pg_stat_database where datname = current_database()');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------

interface EngineReport {
  answersPerSec: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  errors: number;
  ceilingTps: number;
  ratio: number;
}

interface EngineRun {
  report: EngineReport;
  stats: WindowStats;
  /** Through the server's pool (PGlite: its one connection); the report's ceilingTps and ratio. */
  ceiling: Ceiling;
  /** PostgreSQL only: through as many connections as loops, within what the cluster accepts. */
  wideCeiling: Ceiling | null;
  windowSeconds: number;
  /** The machine's 1-minute load average as the window opened: other work on it skews every figure. */
  loadBefore: number;
  /** CPU the simulated learners themselves used, in percent of one core over the window. */
  clientCpuPercent: number;
  /** PostgreSQL only: database transactions during the window per recorded answer, the cost the ceiling's one insert is set against. */
  transactionsPerAnswer: number | null;
}

/** Nearest-rank percentile of sorted values, in ms to a tenth; null without samples. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}

async function measureEngine(engine: Engine, release: Release): Promise<EngineRun> {
  // An empty DATABASE_URL means PGlite to the API, whatever the caller's environment holds.
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    JALON_DEMO: 'on',
    DATABASE_URL: '',
    JALON_DB_POOL_SIZE: String(poolSize),
    ANSWER_RATE_LIMIT_PER_MINUTE: String(BENCH_ANSWERS_PER_MINUTE),
  };
  const undo: (() => Promise<void>)[] = [];
  try {
    let ceiling: Ceiling;
    let wideCeiling: Ceiling | null = null;
    let clusterUrl: string | undefined;
    // The ceiling runs before the server starts, so the two never share the CPU.
    if (engine === 'postgres') {
      progress('starting a throwaway PostgreSQL cluster');
      const cluster = await startPostgres();
      undo.push(cluster.stop);
      env.DATABASE_URL = cluster.url;
      clusterUrl = cluster.url;
      progress(`postgres ceilings: twice ${ceilingSeconds} s of single-row insert transactions, ${learnerCount} loops`);
      ({ atPool: ceiling, wide: wideCeiling } = await postgresCeilings(cluster.url));
      progress(`postgres wide ceiling: ${wideCeiling.tps.toFixed(0)} transactions/s on ${wideCeiling.connections} connections`);
    } else {
      progress(`pglite ceiling: a separate PGlite instance, ${ceilingSeconds} s of single-row insert transactions, ${learnerCount} loops`);
      ceiling = await pgliteCeiling();
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jalon-bench-pglite-'));
      undo.push(onCleanup(() => fs.rmSync(dataDir, { recursive: true, force: true })));
      env.JALON_DATA_DIR = dataDir;
    }
    progress(`${engine} ceiling: ${ceiling.tps.toFixed(0)} transactions/s on ${ceiling.connections} connection(s)`);

    progress(`starting the API on ${engine} (migrations and demo seed)`);
    const server = await startApi({ env });
    undo.push(server.stop);
    const campaign = await createCampaign(server.url, engine);
    const signUpStart = performance.now();
    const agents = await signUpLearners(server.url);
    progress(`${learnerCount} learners signed up in ${((performance.now() - signUpStart) / 1000).toFixed(1)} s; campaign ${campaign.code} on ${campaign.targetProfileId}`);

    progress(`${engine}: ${learnerCount} learners join and answer for at most ${windowSeconds} s, thinking ${args.pace} s before each answer`);
    const stats: WindowStats = {
      answerLatenciesMs: [],
      answers: 0,
      rightAnswers: 0,
      skips: 0,
      errors: 0,
      errorKinds: new Map(),
      finished: 0,
      stopped: 0,
      gaveUp: 0,
    };
    // One stream per learner, drawn in learner order, so a learner's choices do not depend on timing.
    const master = seededRandom(seed);
    const transactionsBefore = clusterUrl ? await databaseTransactions(clusterUrl) : 0;
    const loadBefore = os.loadavg()[0]!;
    const cpuBefore = process.cpuUsage();
    const window = new Window();
    await Promise.all(agents.map((agent) => runLearner(agent, campaign.id, release, seededRandom(Math.floor(master() * 2 ** 32)), window, stats)));
    const elapsedSeconds = (performance.now() - window.startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    let transactionsPerAnswer: number | null = null;
    if (clusterUrl && stats.answers > 0) {
      // Lets the server's idle connections report their last transactions.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      transactionsPerAnswer = ((await databaseTransactions(clusterUrl)) - transactionsBefore) / stats.answers;
    }

    const sorted = [...stats.answerLatenciesMs].sort((a, b) => a - b);
    const answersPerSec = stats.answers / elapsedSeconds;
    return {
      report: {
        answersPerSec: Math.round(answersPerSec * 10) / 10,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        errors: stats.errors,
        ceilingTps: Math.round(ceiling.tps * 10) / 10,
        ratio: ceiling.tps > 0 ? Math.round((answersPerSec / ceiling.tps) * 1000) / 1000 : 0,
      },
      stats,
      ceiling,
      wideCeiling,
      windowSeconds: elapsedSeconds,
      loadBefore,
      clientCpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsedSeconds) * 100,
      transactionsPerAnswer,
    };
  } finally {
    for (const step of undo.reverse()) await step();
  }
}

function verdicts(report: EngineReport): string[] {
  const check = (met: boolean, text: string) => `${met ? 'met   ' : 'MISSED'}  ${text}`;
  return [
    check(report.ratio >= TARGETS.ratio, `ratio ${report.ratio} ≥ ${TARGETS.ratio}`),
    check(report.p99 !== null && report.p99 <= TARGETS.p99Ms, `p99 ${report.p99 ?? '–'} ms ≤ ${TARGETS.p99Ms} ms`),
    check(report.errors <= TARGETS.errors, `errors ${report.errors} = ${TARGETS.errors}`),
  ];
}

function printTable(runs: Record<Engine, EngineRun>) {
  const header = ['engine', 'answers/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ceiling tx/s', 'ratio', 'wide tx/s', 'wide ratio', 'answers', 'finished', 'stopped', 'gave up', 'window s'];
  const rows = ENGINES.map((engine) => {
    const { report, stats, wideCeiling } = runs[engine];
    return [
      engine,
      report.answersPerSec.toFixed(1),
      String(report.p50 ?? '–'),
      String(report.p95 ?? '–'),
      String(report.p99 ?? '–'),
      String(report.errors),
      report.ceilingTps.toFixed(0),
      report.ratio.toFixed(3),
      wideCeiling ? wideCeiling.tps.toFixed(0) : '–',
      wideCeiling ? (report.answersPerSec / wideCeiling.tps).toFixed(3) : '–',
      String(stats.answers),
      String(stats.finished),
      String(stats.stopped),
      String(stats.gaveUp),
      runs[engine].windowSeconds.toFixed(1),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  const meanThinkSeconds = (pace.minMs + pace.maxMs) / 2000;
  console.log(`Jalon answers bench: ${learnerCount} learners, at most ${windowSeconds} s per engine, ${args.pace} s of thinking before each answer, seed ${seed}`);
  console.log(`The server: a pool of ${poolSize} PostgreSQL connections, answers per user and minute raised to ${BENCH_ANSWERS_PER_MINUTE} (ANSWER_RATE_LIMIT_PER_MINUTE)`);
  console.log(`${os.cpus().length} CPU(s), Node ${process.version}; the learners run on the same machine as the server`);
  console.log(
    `Load average as each window opened: ${ENGINES.map((engine) => `${engine} ${runs[engine].loadBefore.toFixed(1)}`).join(', ')}; ` +
      `the learners' own CPU: ${ENGINES.map((engine) => `${engine} ${runs[engine].clientCpuPercent.toFixed(0)} %`).join(', ')} of one core`,
  );
  if (meanThinkSeconds > 0) {
    console.log(`At that pace the learners cannot send more than about ${(learnerCount / meanThinkSeconds).toFixed(0)} answers/s, whatever the server does.`);
  }
  console.log(
    `Ceiling: ${ceilingSeconds} s of single-row insert transactions in ${learnerCount} loops; PostgreSQL on ${runs.postgres.ceiling.connections} connections as the server's pool ` +
      `(wide: on ${runs.postgres.wideCeiling?.connections ?? '–'}), PGlite on one connection of a separate instance in the bench process.`,
  );
  console.log('');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log(`Answers right / skipped: ${ENGINES.map((engine) => `${engine} ${runs[engine].stats.rightAnswers} / ${runs[engine].stats.skips}`).join(', ')}`);
  for (const engine of ENGINES) {
    const kinds = [...runs[engine].stats.errorKinds].map(([kind, count]) => `${kind} ×${count}`);
    if (kinds.length > 0) console.log(`${engine} errors: ${kinds.join(', ')}`);
  }
  const perAnswer = runs.postgres.transactionsPerAnswer;
  if (perAnswer !== null) {
    console.log(`postgres: about ${perAnswer.toFixed(1)} database transactions (a statement outside a transaction counts one) per recorded answer during the window, against one per ceiling loop`);
  }
  console.log('');
  console.log('Targets on PostgreSQL:');
  for (const verdict of verdicts(runs.postgres.report)) console.log(`  ${verdict}`);
}

async function main() {
  // Per engine: a cluster or initdb, the ceiling, a server start, the sign-ups, the window
  // and a graceful stop, with room to spare.
  exitAfter(2 * (180 + 120 + ceilingSeconds + learnerCount * 0.2 + windowSeconds + REQUEST_TIMEOUT_MS / 1000 + 60) * 1000, 'bench:answers');
  progress('loading the content release (for right answers)');
  const { release } = loadRelease();
  const runs = {} as Record<Engine, EngineRun>;
  for (const engine of ENGINES) runs[engine] = await measureEngine(engine, release);

  if (args.json) {
    console.log(JSON.stringify(Object.fromEntries(ENGINES.map((engine) => [engine, runs[engine].report]))));
  } else {
    printTable(runs);
  }

  const failed = ENGINES.filter((engine) => runs[engine].report.errors > 0 || runs[engine].ceiling.errors > 0 || (runs[engine].wideCeiling?.errors ?? 0) > 0);
  if (failed.length > 0) {
    console.error(`[bench:answers] requests or ceiling inserts failed on: ${failed.join(', ')}; these figures are not valid`);
    process.exitCode = 1;
  }
}

main()
  .catch((error: unknown) => {
    console.error('[bench:answers] failed:', error);
    process.exitCode = 1;
  })
  .finally(runCleanups);
