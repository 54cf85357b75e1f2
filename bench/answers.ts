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
import { loadRelease, type Release } from '@jalon/content';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startApi } from './support/api-server';
import { exitAfter, onCleanup, runCleanups } from './support/cleanup';
import { newLearnerStats, openAssessmentCampaign, runLearner, Window, type Campaign, type LearnerStats } from './support/learner';
import { parsePace, percentile, positiveInteger } from './support/options';
import { startPostgres } from './support/postgres';
import { seededRandom } from './support/random';
import { REQUEST_TIMEOUT_MS, UserAgent } from './support/user-agent';

const ENGINES = ['postgres', 'pglite'] as const;
type Engine = (typeof ENGINES)[number];

const LEARNER_PASSWORD = 'Bench-2026-x';
/** Sign-ups hash with argon2 (~30 ms of CPU each): a few at a time keep the server responsive. */
const SIGN_UP_CONCURRENCY = 8;
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

function progress(message: string) {
  console.error(`[bench:answers] ${message}`);
}

// ---------------------------------------------------------------------------------------
// Setup: the learners' accounts, before the window (the campaign: `openAssessmentCampaign`).

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
  stats: LearnerStats;
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
    const campaign: Campaign = await openAssessmentCampaign(server.url, `Bench des réponses (${engine})`);
    const signUpStart = performance.now();
    const agents = await signUpLearners(server.url);
    progress(`${learnerCount} learners signed up in ${((performance.now() - signUpStart) / 1000).toFixed(1)} s; campaign ${campaign.code} on ${campaign.targetProfileId}`);

    progress(`${engine}: ${learnerCount} learners join and answer for at most ${windowSeconds} s, thinking ${args.pace} s before each answer`);
    const stats = newLearnerStats();
    // One stream per learner, drawn in learner order, so a learner's choices do not depend on timing.
    const master = seededRandom(seed);
    const transactionsBefore = clusterUrl ? await databaseTransactions(clusterUrl) : 0;
    const loadBefore = os.loadavg()[0]!;
    const cpuBefore = process.cpuUsage();
    const window = new Window(windowSeconds);
    await Promise.all(
      agents.map((agent) => runLearner({ agent, campaignId: campaign.id, release, random: seededRandom(Math.floor(master() * 2 ** 32)), window, pace, stats })),
    );
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
        errors: stats.errors.total,
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
    if (runs[engine].stats.errors.total > 0) console.log(`${engine} errors: ${runs[engine].stats.errors.describe()}`);
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
