import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { queryRows, type Database, type Db, type Executor } from '../../platform/db/database';

/** Rows read together, with the executor on which the queries about them should run. */
export interface Batch<T> {
  rows: T[];
  executor: Executor;
}

/**
 * An ordered query: its rows strictly after the key `after` (null: from the start), at most
 * `limit` of them (null: all).
 */
export type OrderedQuery<K> = (after: K | null, limit: number | null) => SQL;

/**
 * Reads an ordered query in batches of `size`, one batch in memory at a time; the next is
 * read only when the consumer asks for it. The only place where the two engines differ:
 * - PostgreSQL: a server-side cursor in a read-only repeatable-read transaction on one
 *   pooled connection, so the whole file is one consistent picture; the other requests
 *   keep the rest of the pool.
 * - PGlite: one connection for the whole process, and a transaction would hold it (every
 *   other request would wait on a slow download), so each batch is a short keyset-paginated
 *   query of its own; rows are still each read whole, but two batches may see different moments.
 */
export function readInBatches<T, K>(database: Database, query: OrderedQuery<K>, keyOf: (row: T) => K, size: number): AsyncGenerator<Batch<T>> {
  return database.pool ? cursorBatches<T, K>(database.pool, query, size) : keysetBatches(database.db, query, keyOf, size);
}

async function* cursorBatches<T, K>(pool: pg.Pool, query: OrderedQuery<K>, size: number): AsyncGenerator<Batch<T>> {
  const client = await pool.connect();
  const executor = drizzle({ client, casing: 'snake_case' }) as unknown as Db;
  let broken: Error | undefined;
  let next: Promise<T[]> | undefined;
  const fetch = (): Promise<T[]> => {
    const rows = queryRows<T>(executor, sql.raw(`fetch forward ${size} from export_rows`));
    // Read ahead: handled now, awaited later, so that a failure while the consumer works is not "unhandled".
    rows.catch(() => {});
    return rows;
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    // The cursor's plan is costed for every participation of the campaign and their laterals,
    // so PostgreSQL would compile it with LLVM: about 0.6 s before the first row, for a
    // query that spends its time in index range scans.
    await client.query('set local jit = off');
    await executor.execute(sql`declare export_rows no scroll cursor for ${query(null, null)}`);
    let rows = await (next = fetch());
    for (;;) {
      // The next batch is read while the consumer writes this one (the connection queues any
      // query the consumer makes about this batch behind that fetch).
      next = rows.length === size ? fetch() : undefined;
      if (rows.length > 0) yield { rows, executor };
      if (!next) break;
      rows = await next;
    }
  } finally {
    // Also reached when the download is abandoned: the transaction only read, so it is rolled back.
    await next?.catch(() => {});
    await client.query('rollback').catch((error: Error) => {
      broken = error;
    });
    client.release(broken);
  }
}

async function* keysetBatches<T, K>(db: Db, query: OrderedQuery<K>, keyOf: (row: T) => K, size: number): AsyncGenerator<Batch<T>> {
  let after: K | null = null;
  for (;;) {
    const rows = await queryRows<T>(db, query(after, size));
    if (rows.length > 0) yield { rows, executor: db };
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]!);
  }
}
