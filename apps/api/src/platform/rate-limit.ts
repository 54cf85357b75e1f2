import { and, eq, gt, like, lt, notLike, or, sql } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Db, Executor } from './db/database';
import type { Jobs } from './jobs';
import { rateLimitCounters } from './rate-limit.schema';

export interface RateLimiter {
  /**
   * Adds one hit to `key` in the current window and returns the window's count; inside a
   * caller's transaction (`executor`), a refused request that rolls back counts nothing.
   */
  hit(key: string, windowSeconds: number, executor?: Executor): Promise<number>;
  /** The current window's count without adding to it. */
  count(key: string, windowSeconds: number): Promise<number>;
  /** Seconds left in the current window, for `Retry-After`. */
  retryAfter(windowSeconds: number): number;
  purge(): Promise<void>;
}

/**
 * Memories share the counters' table (no schema of their own): one row per key, whose
 * `windowStart` is the moment remembered; the prefix keeps them apart from counters.
 */
const REMEMBERED = 'remembered:';
/** How long `purge` keeps a memory: the longest any caller looks back. */
export const REMEMBERED_FOR_MS = 30 * 86_400_000;

/** Remembers that `key` happened at `now` (an account signing in from an address), replacing an earlier memory of it. */
export async function remember(executor: Executor, key: string, now: Date): Promise<void> {
  await executor.insert(rateLimitCounters).values({ key: REMEMBERED + key, windowStart: now, count: 1 }).onConflictDoNothing();
  await executor.delete(rateLimitCounters).where(and(eq(rateLimitCounters.key, REMEMBERED + key), lt(rateLimitCounters.windowStart, now)));
}

/** Whether `key` was remembered after `since` (no further back than REMEMBERED_FOR_MS). */
export async function rememberedSince(executor: Executor, key: string, since: Date): Promise<boolean> {
  const [row] = await executor
    .select({ key: rateLimitCounters.key })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, REMEMBERED + key), gt(rateLimitCounters.windowStart, since)))
    .limit(1);
  return row !== undefined;
}

export function createRateLimiter(db: Db, clock: Clock): RateLimiter {
  const windowStart = (windowSeconds: number) => {
    const ms = windowSeconds * 1000;
    return new Date(Math.floor(clock.now().getTime() / ms) * ms);
  };
  return {
    async hit(key, windowSeconds, executor = db) {
      const [row] = await executor
        .insert(rateLimitCounters)
        .values({ key, windowStart: windowStart(windowSeconds), count: 1 })
        .onConflictDoUpdate({
          target: [rateLimitCounters.key, rateLimitCounters.windowStart],
          set: { count: sql`${rateLimitCounters.count} + 1` },
        })
        .returning({ count: rateLimitCounters.count });
      return row!.count;
    },
    async count(key, windowSeconds) {
      const [row] = await db
        .select({ count: rateLimitCounters.count })
        .from(rateLimitCounters)
        .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, windowStart(windowSeconds))));
      return row?.count ?? 0;
    },
    retryAfter(windowSeconds) {
      const elapsed = (clock.now().getTime() - windowStart(windowSeconds).getTime()) / 1000;
      return Math.max(1, Math.ceil(windowSeconds - elapsed));
    },
    async purge() {
      const now = clock.now().getTime();
      // Windows are at most an hour long, so a counter older than a day is dead weight.
      await db
        .delete(rateLimitCounters)
        .where(
          or(
            and(notLike(rateLimitCounters.key, `${REMEMBERED}%`), lt(rateLimitCounters.windowStart, new Date(now - 86_400_000))),
            and(like(rateLimitCounters.key, `${REMEMBERED}%`), lt(rateLimitCounters.windowStart, new Date(now - REMEMBERED_FOR_MS))),
          ),
        );
    },
  };
}

export const RATE_LIMIT_PURGE_QUEUE = 'rate-limit-purge';

/**
 * Once a night, one process deletes dead counters and expired sign-in addresses: every failed
 * sign-in and every answer writes a row, so the table would otherwise grow with the years.
 */
export function scheduleRateLimitPurge(jobs: Jobs, limiter: RateLimiter): void {
  jobs.every(RATE_LIMIT_PURGE_QUEUE, '17 3 * * *', () => limiter.purge());
}
