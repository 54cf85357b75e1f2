import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db, Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { remember, rememberedSince, type RateLimiter } from '../../platform/rate-limit';
import { hashPassword, verifyPassword } from './password';
import { users } from './schema';
import { createSession } from './sessions';
import { findUserByLogin } from './users.repository';

/** Lockout of `learners-and-accounts.md` §6: every 10 consecutive failures block for 2, 4, 8, 16 minutes; 50 block until unblocked. */
export const FAILURES_PER_BLOCK = 10;
export const FIRST_BLOCK_MS = 2 * 60_000;
export const PERMANENT_BLOCK_AT = 50;
/** `meta.remainingAttempts` is shown only when this few (or fewer) remain before the next block. */
const SHOW_REMAINING_BELOW = 3;
/** Per-IP throttle on failed sign-ins only: a whole school shares one address. */
const IP_FAILURES_PER_MINUTE = 100;
/** An account that signed in from an address this recently passes that address's throttle. */
const KNOWN_ADDRESS_MS = 30 * 86_400_000;

export interface SignInDeps {
  db: Db;
  clock: Clock;
  limiter: RateLimiter;
}

let dummyHash: Promise<string> | undefined;

export async function signIn(deps: SignInDeps, input: { login: string; password: string; ip: string; userAgent?: string | undefined }) {
  const { db, clock, limiter } = deps;
  const ipKey = `sign-in-failures:${input.ip}`;
  const throttled = (await limiter.count(ipKey, 60)) >= IP_FAILURES_PER_MINUTE;
  const user = await findUserByLogin(db, input.login);
  // A class behind the school's address must not be locked out by its own typos: its pupils
  // signed in from there before, a credential-stuffing list did not. An unknown login runs the
  // same lookup on a key no account has, so it answers like an account never seen here.
  const since = new Date(clock.now().getTime() - KNOWN_ADDRESS_MS);
  if (throttled && !(await rememberedSince(db, knownAddressKey(user?.id ?? '', input.ip), since))) {
    throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(limiter.retryAfter(60)) } });
  }

  if (!user) {
    // Same work as for a real account, so response times do not reveal which logins exist.
    dummyHash ??= hashPassword('not-a-real-password-1A');
    await verifyPassword(await dummyHash, input.password);
    await limiter.hit(ipKey, 60);
    throw new AppError('INVALID_CREDENTIALS');
  }

  const now = clock.now();
  if (user.blockedAt) throw new AppError('ACCOUNT_BLOCKED');
  if (user.temporaryBlockUntil && user.temporaryBlockUntil > now) {
    throw new AppError('ACCOUNT_TEMPORARILY_BLOCKED', { meta: { unblockAt: user.temporaryBlockUntil.toISOString() } });
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await limiter.hit(ipKey, 60);
    throw await recordFailure(db, user.id, now);
  }

  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedSignInCount: 0, temporaryBlockUntil: null, lastSignedInAt: now })
      .where(eq(users.id, user.id));
    await rememberSignInAddress(tx, user.id, input.ip, now);
    const session = await createSession(tx, user.id, now, input.userAgent);
    return { userId: user.id, ...session };
  });
}

/** Remembers that the account signed in from this address (any sign-in method), for the throttle above. */
export async function rememberSignInAddress(executor: Executor, userId: string, ip: string, now: Date): Promise<void> {
  await remember(executor, knownAddressKey(userId, ip), now);
}

/** The address is kept only hashed with the account: the table shows no address book of who signs in where. */
function knownAddressKey(userId: string, ip: string): string {
  return `sign-in-address:${createHash('sha256').update(`${userId}\n${ip}`).digest('hex')}`;
}

async function recordFailure(db: Db, userId: string, now: Date): Promise<AppError> {
  const [row] = await db
    .update(users)
    .set({ failedSignInCount: sql`${users.failedSignInCount} + 1` })
    .where(eq(users.id, userId))
    .returning({ failures: users.failedSignInCount });
  const failures = row!.failures;
  if (failures >= PERMANENT_BLOCK_AT) {
    await db.update(users).set({ blockedAt: now }).where(eq(users.id, userId));
    return new AppError('ACCOUNT_BLOCKED');
  }
  if (failures % FAILURES_PER_BLOCK === 0) {
    const unblockAt = new Date(now.getTime() + FIRST_BLOCK_MS * 2 ** (failures / FAILURES_PER_BLOCK - 1));
    await db.update(users).set({ temporaryBlockUntil: unblockAt }).where(eq(users.id, userId));
    return new AppError('ACCOUNT_TEMPORARILY_BLOCKED', { meta: { unblockAt: unblockAt.toISOString() } });
  }
  const remainingAttempts = FAILURES_PER_BLOCK - (failures % FAILURES_PER_BLOCK);
  return new AppError('INVALID_CREDENTIALS', remainingAttempts <= SHOW_REMAINING_BELOW ? { meta: { remainingAttempts } } : {});
}
