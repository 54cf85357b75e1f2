import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import type { Config } from './config';

/**
 * Several API processes on one port (`JALON_PROCESSES` > 1): the primary prepares the database
 * once, then forks the workers, which skip that preparation and listen on the same port; the
 * cluster module hands each new connection to the next worker in turn. Everything a worker
 * shares with the others lives in PostgreSQL (sessions, rate limits, jobs, live events), so the
 * workers need no other coordination.
 */

/** True in a process forked by `superviseWorkers`. */
export const isClusterWorker = cluster.isWorker;

/** A worker that ends sooner than this after its fork died « at once »: its replacement waits. */
const QUICK_DEATH_MS = 10_000;
const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
/** Each worker gives itself 20 s to shut down (main.ts); past this the primary forces it. */
const STOP_TIMEOUT_MS = 25_000;

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;
type Level = 'info' | 'warn' | 'error';

export type PrimaryLog = (level: Level, msg: string, fields?: Record<string, unknown>) => void;

/** The primary has no Fastify: it writes its few lines in the same JSON shape as the workers' logger. */
export function primaryLogger(threshold: Config['logLevel']): PrimaryLog {
  const hostname = os.hostname();
  return (level: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS[level] < LEVELS[threshold]) return;
    process.stdout.write(`${JSON.stringify({ level: LEVELS[level], time: Date.now(), pid: process.pid, hostname, role: 'primary', ...fields, msg })}\n`);
  };
}

/**
 * Forks `count` workers and keeps that many running until SIGTERM or SIGINT, which stop them
 * gracefully before the primary exits. A worker that dies is replaced; one that dies at once
 * (a port taken, a database refusing connections) is replaced after a pause that doubles each
 * time, so a broken setting does not fork processes in a tight loop.
 */
export function superviseWorkers(count: number, log: PrimaryLog): void {
  const workers = new Set<Worker>();
  const pendingForks = new Set<NodeJS.Timeout>();
  let restartDelay = 0;
  let stopping = false;

  const fork = () => {
    const forkedAt = Date.now();
    let listened = false;
    const worker = cluster.fork();
    workers.add(worker);
    worker.once('listening', () => {
      listened = true;
    });
    worker.once('exit', (code, signal) => {
      workers.delete(worker);
      if (stopping) {
        if (workers.size === 0) {
          log('info', 'all workers stopped');
          process.exit(0);
        }
        return;
      }
      const quick = !listened || Date.now() - forkedAt < QUICK_DEATH_MS;
      restartDelay = quick ? Math.min(MAX_RESTART_DELAY_MS, Math.max(FIRST_RESTART_DELAY_MS, restartDelay * 2)) : 0;
      log(quick ? 'error' : 'warn', `worker ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); a new one starts${restartDelay ? ` in ${restartDelay / 1000} s` : ''}`, {
        workerPid: worker.process.pid,
      });
      const timer = setTimeout(() => {
        pendingForks.delete(timer);
        fork();
      }, restartDelay);
      pendingForks.add(timer);
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', `${signal}: stopping ${workers.size} workers`);
    for (const timer of pendingForks) clearTimeout(timer);
    if (workers.size === 0) process.exit(0);
    // Each worker finishes its requests in flight and closes its connections (main.ts's stop).
    for (const worker of workers) worker.process.kill('SIGTERM');
    setTimeout(() => {
      log('error', `workers still running after ${STOP_TIMEOUT_MS / 1000} s; killing them`);
      for (const worker of workers) worker.process.kill('SIGKILL');
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  log('info', `starting ${count} API processes`);
  for (let i = 0; i < count; i++) fork();
}
