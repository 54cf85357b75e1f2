import { applyT1, applyT2, codePointLength, levenshtein, preTreat } from '@jalon/engine';
import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { findUserById, type User } from '../identity';
import { organizationLearners } from '../organizations';

type Learner = typeof organizationLearners.$inferSelect;

/** Pass 2 accepts names within this edit-distance ratio (`learners-and-accounts.md` §3). */
const NAME_TOLERANCE = 0.25;
/** Failed attempts per user and hour before `RATE_LIMITED`. */
const FAILURES_PER_HOUR = 10;

function standardized(name: string): string {
  return applyT2(applyT1(preTreat(name)));
}

function close(typed: string, known: string | null, tolerant: boolean): boolean {
  if (!known) return false;
  const a = standardized(typed);
  const b = standardized(known);
  if (a === b) return true;
  if (!tolerant || a.length === 0) return false;
  return levenshtein(a, b) / codePointLength(a) <= NAME_TOLERANCE;
}

function matches(learner: Learner, firstName: string, lastName: string, tolerant: boolean): boolean {
  return (
    [learner.firstName, learner.middleName, learner.thirdName].some((known) => close(firstName, known, tolerant)) &&
    [learner.lastName, learner.preferredLastName].some((known) => close(lastName, known, tolerant))
  );
}

/**
 * Finds the one learner with that birthdate whose names match: exactly first, then within
 * the tolerance. None or several refuse, and nothing is linked either way.
 */
export function matchLearner(candidates: readonly Learner[], firstName: string, lastName: string): Learner {
  for (const tolerant of [false, true]) {
    const found = candidates.filter((learner) => matches(learner, firstName, lastName, tolerant));
    if (found.length > 1) throw new AppError('RECONCILIATION_AMBIGUOUS');
    if (found.length === 1) return found[0]!;
  }
  throw new AppError('RECONCILIATION_NO_MATCH');
}

/** `jean.dupont0512` → `j***.d***0512`; an e-mail keeps its domain. Hints at a login without revealing it. */
export function maskLogin(login: string): string {
  const [local, domain] = login.split('@');
  const masked = local!
    .split('.')
    .map((part) => {
      const digits = /\d+$/.exec(part)?.[0] ?? '';
      return `${part.slice(0, 1)}***${digits}`;
    })
    .join('.');
  return domain === undefined ? masked : `${masked}@${domain}`;
}

export function loginOf(user: Pick<User, 'email' | 'username'>): string {
  return user.email ?? user.username ?? '';
}

/** R31 / R32: the learner is already linked to another account, told apart by its login method. */
async function alreadyLinkedError(db: Executor, otherUserId: string): Promise<AppError> {
  const other = await findUserById(db, otherUserId);
  const maskedLogin = other ? maskLogin(loginOf(other)) : '';
  return new AppError(other?.email ? 'R31' : 'R32', { meta: { maskedLogin } });
}

export interface ReconcileInput {
  organizationId: string;
  user: User;
  firstName: string;
  lastName: string;
  birthdate: string;
  confirm: boolean;
}

/**
 * SCO reconciliation (`learners-and-accounts.md` §3): links the signed-in account to the
 * learner of the school with that birthdate and those names, once the learner confirms.
 */
export async function reconcile(deps: { db: Executor; limiter: RateLimiter }, input: ReconcileInput) {
  const { db } = deps;
  const failureKey = `reconciliation-failures:${input.user.id}`;
  if ((await deps.limiter.count(failureKey, 3600)) >= FAILURES_PER_HOUR) {
    throw new AppError('RATE_LIMITED', { headers: { 'Retry-After': String(deps.limiter.retryAfter(3600)) } });
  }
  const active = and(eq(organizationLearners.organizationId, input.organizationId), isNull(organizationLearners.deletedAt));
  const [own] = await db.select().from(organizationLearners).where(and(active, eq(organizationLearners.userId, input.user.id)));

  let learner: Learner;
  try {
    const candidates = await db
      .select()
      .from(organizationLearners)
      .where(and(active, eq(organizationLearners.birthdate, input.birthdate), eq(organizationLearners.isDisabled, false)));
    learner = matchLearner(candidates, input.firstName, input.lastName);
  } catch (error) {
    await deps.limiter.hit(failureKey, 3600);
    throw error;
  }
  const result = { login: loginOf(input.user), learner: { firstName: learner.firstName, lastName: learner.lastName } };
  if (own && own.id === learner.id) return { ...result, linked: true };
  if (own) throw new AppError('R70', { meta: { maskedLogin: maskLogin(loginOf(input.user)) } });
  if (learner.userId && learner.userId !== input.user.id) throw await alreadyLinkedError(db, learner.userId);
  if (!input.confirm) return { ...result, linked: false };

  const linked = await db
    .update(organizationLearners)
    .set({ userId: input.user.id, updatedAt: new Date() })
    .where(and(eq(organizationLearners.id, learner.id), isNull(organizationLearners.userId)))
    .returning({ id: organizationLearners.id });
  if (linked.length === 0) {
    // Another account linked it between our read and this write.
    const [now] = await db.select().from(organizationLearners).where(eq(organizationLearners.id, learner.id));
    throw await alreadyLinkedError(db, now!.userId ?? '');
  }
  return { ...result, linked: true };
}
