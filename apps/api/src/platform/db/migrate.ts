import path from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from './database';
import { apiDir } from '../paths';

const migrationsFolder = path.join(apiDir, 'drizzle');

/** Arbitrary but fixed: every Jalon process asks for the same advisory lock. */
const MIGRATION_LOCK_KEY = 7_310_420_611;

/**
 * Applies the migrations under a session-level advisory lock on a dedicated connection:
 * Drizzle's migrator takes no lock, and several API processes starting at once on an
 * empty server would otherwise race to create the same tables.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    await pglite.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePglite(drizzlePglite({ client: pglite }), { migrationsFolder });
    } finally {
      await pglite.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
    return;
  }
  const client = new pg.Client({ connectionString: database.connectionString });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}
