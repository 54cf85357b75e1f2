import { and, eq, lt, sql } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Db, Executor } from './db/database';
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
      // Windows are at most an hour long; anything older than a day is dead weight.
      await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, new Date(clock.now().getTime() - 86_400_000)));
    },
  };
}
