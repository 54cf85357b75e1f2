import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { sessions, users } from './schema';

/** Idle timeout and absolute lifetime of a session (`learners-and-accounts.md` §6). */
export const SESSION_IDLE_MS = 12 * 3600_000;
export const SESSION_LIFETIME_MS = 7 * 24 * 3600_000;
/** `lastSeenAt` is refreshed at most this often, so reading a page does not always write. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export async function createSession(executor: Executor, userId: string, now: Date, userAgent: string | undefined) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await executor.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    userAgent: userAgent?.slice(0, 255) ?? null,
  });
  return { token, csrfToken };
}

/** The live session of a cookie with the account fields every request needs, in one query. */
export async function findLiveSession(executor: Executor, token: string, now: Date) {
  const tokenHash = hashToken(token);
  const [session] = await executor
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      mustChangePassword: users.mustChangePassword,
      isPlatformAdmin: users.isPlatformAdmin,
      blockedAt: users.blockedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
  if (!session) return null;
  const t = now.getTime();
  if (t - session.lastSeenAt.getTime() > SESSION_IDLE_MS || t - session.createdAt.getTime() > SESSION_LIFETIME_MS) return null;
  if (t - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await executor.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return session;
}

export async function revokeSession(executor: Executor, tokenHash: string, now: Date) {
  await executor.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeAllSessions(executor: Executor, userId: string, now: Date) {
  await executor
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
