import { applyT1, applyT2, codePointLength, levenshtein, preTreat } from '@jalon/engine';
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { RateLimiter } from '../../platform/rate-limit';
import { authenticationMethods, findUserById, type User } from '../identity';
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

type LoginKind = 'EMAIL' | 'USERNAME' | 'MEDIACENTRE';

/** How another account signs in, told apart for the R1x / R3x codes, and its login masked. */
async function otherAccount(db: Executor, userId: string): Promise<{ kind: LoginKind; maskedLogin: string }> {
  const other = await findUserById(db, userId);
  if (other?.email) return { kind: 'EMAIL', maskedLogin: maskLogin(other.email) };
  if (other?.username) return { kind: 'USERNAME', maskedLogin: maskLogin(other.username) };
  return { kind: 'MEDIACENTRE', maskedLogin: '' };
}

const LINKED_HERE = { EMAIL: 'R31', USERNAME: 'R32', MEDIACENTRE: 'R33' } as const;
const LINKED_ELSEWHERE = { EMAIL: 'R11', USERNAME: 'R12', MEDIACENTRE: 'R13' } as const;

/** R31 / R32 / R33: the learner is already linked in this school to another account. */
async function alreadyLinkedError(db: Executor, otherUserId: string): Promise<AppError> {
  const { kind, maskedLogin } = await otherAccount(db, otherUserId);
  return new AppError(LINKED_HERE[kind], { meta: { maskedLogin } });
}

/**
 * The INE checks across schools (`learners-and-accounts.md` §3): another account already
 * holds this INE elsewhere (R11–R13, the pupil should use that account), or the signed-in
 * account belongs elsewhere to a different pupil — other INE and other birthdate (R90).
 */
async function assertNationalStudentIdIsFree(db: Executor, learner: Learner, userId: string): Promise<void> {
  const elsewhere = and(ne(organizationLearners.organizationId, learner.organizationId), isNull(organizationLearners.deletedAt));
  if (learner.nationalStudentId) {
    const [holder] = await db
      .select({ userId: organizationLearners.userId })
      .from(organizationLearners)
      .where(
        and(
          elsewhere,
          eq(organizationLearners.nationalStudentId, learner.nationalStudentId),
          isNotNull(organizationLearners.userId),
          ne(organizationLearners.userId, userId),
        ),
      )
      .limit(1);
    if (holder?.userId) {
      const { kind, maskedLogin } = await otherAccount(db, holder.userId);
      throw new AppError(LINKED_ELSEWHERE[kind], { meta: { maskedLogin } });
    }
  }
  const mine = await db
    .select({ nationalStudentId: organizationLearners.nationalStudentId, birthdate: organizationLearners.birthdate })
    .from(organizationLearners)
    .where(and(elsewhere, eq(organizationLearners.userId, userId)));
  const sibling = mine.some(
    (other) => other.nationalStudentId && other.nationalStudentId !== learner.nationalStudentId && other.birthdate !== learner.birthdate,
  );
  if (sibling) throw new AppError('R90');
}

/**
 * SCO automatic reconciliation: an account linked in another school is recognised by the
 * INE of that link in this school's roster, without the form. Read-only; `linkLearner` writes.
 */
export async function learnerWithSameNationalStudentId(db: Executor, organizationId: string, userId: string): Promise<Learner | undefined> {
  const mine = await db
    .selectDistinct({ nationalStudentId: organizationLearners.nationalStudentId })
    .from(organizationLearners)
    .where(and(eq(organizationLearners.userId, userId), isNull(organizationLearners.deletedAt), isNotNull(organizationLearners.nationalStudentId)));
  if (mine.length !== 1) return undefined;
  const [learner] = await db
    .select()
    .from(organizationLearners)
    .where(
      and(
        eq(organizationLearners.organizationId, organizationId),
        eq(organizationLearners.nationalStudentId, mine[0]!.nationalStudentId!),
        isNull(organizationLearners.deletedAt),
        isNull(organizationLearners.userId),
        eq(organizationLearners.isDisabled, false),
      ),
    );
  return learner;
}

/** Links the learner to the account unless another account won the race (then R31–R33). */
export async function linkLearner(db: Executor, learnerId: string, userId: string): Promise<void> {
  const linked = await db
    .update(organizationLearners)
    .set({ userId, updatedAt: new Date() })
    .where(and(eq(organizationLearners.id, learnerId), isNull(organizationLearners.userId)))
    .returning({ id: organizationLearners.id });
  if (linked.length === 0) {
    const [now] = await db.select().from(organizationLearners).where(eq(organizationLearners.id, learnerId));
    throw await alreadyLinkedError(db, now!.userId ?? '');
  }
}

export interface ReconcileInput {
  organizationId: string;
  user: User;
  firstName: string;
  lastName: string;
  birthdate: string;
  /** SUP: narrows the candidates to that student number (`learners-and-accounts.md` §3). */
  studentNumber?: string | undefined;
  confirm: boolean;
}

/**
 * Reconciliation (`learners-and-accounts.md` §3): links the signed-in account to the
 * learner of the school with that birthdate (and student number, SUP) and those names,
 * once the learner confirms, unless one of the R-codes refuses it.
 */
/**
 * The names to look for: those the Médiacentre gave, when the account came through it (the
 * form shows them locked, and a request typing other names is not believed), else the typed ones.
 */
async function namesToMatch(db: Executor, input: ReconcileInput): Promise<{ firstName: string; lastName: string }> {
  const [fromProvider] = await db
    .select({ firstName: authenticationMethods.firstName, lastName: authenticationMethods.lastName })
    .from(authenticationMethods)
    .where(and(eq(authenticationMethods.userId, input.user.id), eq(authenticationMethods.provider, 'MEDIACENTRE')));
  return fromProvider?.firstName && fromProvider.lastName ? { firstName: fromProvider.firstName, lastName: fromProvider.lastName } : input;
}

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
      .where(
        and(
          active,
          eq(organizationLearners.birthdate, input.birthdate),
          eq(organizationLearners.isDisabled, false),
          input.studentNumber ? eq(organizationLearners.studentNumber, input.studentNumber) : undefined,
        ),
      );
    const names = await namesToMatch(db, input);
    learner = matchLearner(candidates, names.firstName, names.lastName);
  } catch (error) {
    await deps.limiter.hit(failureKey, 3600);
    throw error;
  }
  const result = { login: loginOf(input.user), learner: { firstName: learner.firstName, lastName: learner.lastName } };
  if (own && own.id === learner.id) return { ...result, linked: true };
  if (own) throw new AppError('R70', { meta: { maskedLogin: maskLogin(loginOf(input.user)) } });
  if (learner.userId && learner.userId !== input.user.id) throw await alreadyLinkedError(db, learner.userId);
  await assertNationalStudentIdIsFree(db, learner, input.user.id);
  if (!input.confirm) return { ...result, linked: false };
  await linkLearner(db, learner.id, input.user.id);
  return { ...result, linked: true };
}
