import { buildApp } from './app';
import { systemClock } from './platform/clock';
import { readConfig } from './platform/config';
import { openDatabase } from './platform/db/database';
import { DataDirLockedError } from './platform/db/lockfile';
import { migrateDatabase } from './platform/db/migrate';
import { ContentLintError, loadRelease } from '@jalon/content';
import { syncTargetProfiles } from './modules/catalogue';
import { seedDemoIfEmpty } from './modules/demo';

/** Reads the configuration, prepares the database, listens, and shuts down cleanly on SIGTERM. */
async function main() {
  const config = readConfig();
  let content;
  try {
    content = loadRelease();
  } catch (error) {
    if (error instanceof ContentLintError) {
      console.error(`Le contenu ne passe pas le linter ; corrigez-le (npm run content:check).\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize });
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await migrateDatabase(database);
  const clock = systemClock();
  await syncTargetProfiles(database.db, content.release, clock.now());
  const jalon = await buildApp({ config, content, database, clock });
  const log = jalon.app.log;
  if (config.seedDemo && (await seedDemoIfEmpty(database.db, clock))) log.info('demo data seeded');
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

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
