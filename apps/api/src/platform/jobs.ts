import { fromPglite, PgBoss } from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from './db/database';

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * Background work (mails now, imports and results later) on pg-boss, in the application's
 * own database on both engines, so a job survives a restart and any process may run it.
 */
export interface Jobs {
  register<T extends object>(queue: string, handler: JobHandler<T>): void;
  send<T extends object>(queue: string, data: T): Promise<void>;
  /**
   * Runs `handler` at each occurrence of a cron expression (UTC), in one process of all:
   * pg-boss's cron pass is claimed by one process at a time and files one job per occurrence,
   * and the queue (`exclusive`) takes no new job while one waits or runs, so a slow run is
   * never overlapped by the next. A failed run is logged, not retried: the next occurrence runs again.
   */
  every(queue: string, cron: string, handler: () => Promise<void>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How often an idle worker polls when no NOTIFY wakes it, in seconds. */
const POLLING_INTERVAL_S = 2;

export function createJobs(database: Database, log: FastifyBaseLogger): Jobs {
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: database.connectionString!, max: 3, schema: 'pgboss' });
  boss.on('error', (error: unknown) => log.error({ err: error }, 'job queue error'));

  const handlers = new Map<string, JobHandler<object>>();
  const recurring = new Map<string, { cron: string; handler: () => Promise<void> }>();
  const workers = new Map<string, string>();
  let started = false;

  return {
    register(queue, handler) {
      handlers.set(queue, handler as JobHandler<object>);
    },
    every(queue, cron, handler) {
      recurring.set(queue, { cron, handler });
    },
    async send(queue, data) {
      await boss.send(queue, data, { retryLimit: 5, retryDelay: 10, retryBackoff: true });
      // The worker of this process takes it at once rather than at its next poll; another
      // process's worker finds it at its poll (an import or a mail waits no more than that).
      const worker = workers.get(queue);
      if (worker !== undefined) boss.notifyWorker(worker);
    },
    async start() {
      await boss.start();
      for (const [queue, handler] of handlers) {
        await boss.createQueue(queue);
        const worker = await boss.work<object>(queue, { pollingIntervalSeconds: POLLING_INTERVAL_S }, async (jobs) => {
          for (const job of jobs) await handler(job.data);
        });
        workers.set(queue, worker);
      }
      for (const [queue, { cron, handler }] of recurring) {
        await boss.createQueue(queue, { policy: 'exclusive' });
        // Written by every process at start: the same row, replaced by the last one.
        await boss.schedule(queue, cron, {}, { retryLimit: 0 });
        const run = async () => {
          try {
            await handler();
          } catch (error) {
            // Not retried: the log is where a failed run shows (pg-boss also marks the job failed).
            log.error({ err: error, queue }, 'periodic job failed');
            throw error;
          }
        };
        workers.set(queue, await boss.work(queue, { pollingIntervalSeconds: POLLING_INTERVAL_S }, run));
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
