import { buildApp, type Content } from './app';
import { systemClock, type AdjustableClock } from './platform/clock';
import { isClusterWorker, primaryLogger, superviseWorkers } from './platform/cluster';
import { ConfigError, readConfig, type Config } from './platform/config';
import { openDatabase, type Database } from './platform/db/database';
import { DataDirLockedError } from './platform/db/lockfile';
import { migrateDatabase } from './platform/db/migrate';
import { ContentLintError, loadRelease } from '@jalon/content';
import { syncTargetProfiles } from './modules/catalogue';
import { seedDemoIfEmpty } from './modules/demo';

/**
 * Reads the configuration, prepares the database, listens, and shuts down cleanly on SIGTERM.
 * With JALON_PROCESSES > 1 this process prepares the database and supervises that many
 * workers (platform/cluster.ts), each of which runs the rest.
 */
async function main() {
  const config = orExit(readConfig, ConfigError);
  const content = orExit(loadRelease, ContentLintError, (message) => `Le contenu ne passe pas le linter ; corrigez-le (npm run content:check).\n${message}`);
  const clock = systemClock();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize }).catch((error: unknown) => {
    if (error instanceof DataDirLockedError) exit(error.message);
    throw error;
  });
  // Prepared once: by the only process, or by the primary before it forks; workers find it ready.
  const seeded = isClusterWorker ? false : await prepareDatabase(database, content, clock, config);
  if (config.processes > 1 && !isClusterWorker) {
    await database.close();
    const log = primaryLogger(config.logLevel);
    if (seeded) log('info', 'demo data seeded');
    return superviseWorkers(config.processes, log);
  }
  const jalon = await buildApp({ config, content, database, clock });
  const log = jalon.app.log;
  if (seeded) log.info('demo data seeded');
  await jalon.startJobs();
  await jalon.app.listen({ port: config.port, host: config.host });
  log.info(`Jalon ready on ${config.publicUrl} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 20_000);
    timer.unref();
    try {
      await jalon.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Migrations, the catalogue of target profiles and the demo seed; true when the demo was seeded now. */
async function prepareDatabase(database: Database, content: Content, clock: AdjustableClock, config: Config): Promise<boolean> {
  await migrateDatabase(database);
  await syncTargetProfiles(database.db, content.release, clock.now());
  return config.seedDemo && (await seedDemoIfEmpty(database.db, clock));
}

/** Runs `read`; an error of the admin's making ends the process with its message, not a stack trace. */
function orExit<T>(read: () => T, expected: new (...args: never[]) => Error, describe: (message: string) => string = (message) => message): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof expected) exit(describe(error.message));
    throw error;
  }
}

function exit(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
