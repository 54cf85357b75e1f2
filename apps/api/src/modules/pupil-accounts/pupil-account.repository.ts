import type { PupilAccount } from '@jalon/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { isUniqueViolation } from '../../platform/db/constraints';
import type { Executor } from '../../platform/db/database';
import { authenticationMethods, sessions, users } from '../identity/schema';
import { learnerAuditEvents } from '../learners/schema';
import { memberships, organizationLearners } from '../organizations/schema';

/** The learner fields these actions need; actions read them under a row lock so two teachers cannot act at once. */
export interface LockedLearner {
  id: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  birthdate: string | null;
  division: string | null;
}

const learnerColumns = {
  id: organizationLearners.id,
  userId: organizationLearners.userId,
  firstName: organizationLearners.firstName,
  lastName: organizationLearners.lastName,
  birthdate: organizationLearners.birthdate,
  division: organizationLearners.division,
};

const inOrganization = (organizationId: string) => and(eq(organizationLearners.organizationId, organizationId), isNull(organizationLearners.deletedAt));

export async function findLearner(executor: Executor, organizationId: string, learnerId: string): Promise<LockedLearner | undefined> {
  const [learner] = await executor
    .select(learnerColumns)
    .from(organizationLearners)
    .where(and(eq(organizationLearners.id, learnerId), inOrganization(organizationId)));
  return learner;
}

export async function countLearners(executor: Executor, organizationId: string, learnerIds: string[]): Promise<number> {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(organizationLearners)
    .where(and(inArray(organizationLearners.id, learnerIds), inOrganization(organizationId)));
  return Number(row!.count);
}

/**
 * The organization's live learners among `learnerIds`, locked, in the order of the credentials
 * file: class, then name order (`analytics-and-exports.md` §1), compared byte-wise.
 */
export async function lockLearners(executor: Executor, organizationId: string, learnerIds: string[]): Promise<LockedLearner[]> {
  return executor
    .select(learnerColumns)
    .from(organizationLearners)
    .where(and(inArray(organizationLearners.id, learnerIds), inOrganization(organizationId)))
    .orderBy(sql`${organizationLearners.division} collate "C" nulls last`, sql`${organizationLearners.sortKey} collate "C"`, organizationLearners.id)
    .for('update');
}

/** The account of each user, as far as a teacher may act on it. */
export interface ManagedUser {
  id: string;
  email: string | null;
  username: string | null;
  hasPassword: boolean;
  hasMediacentre: boolean;
  /**
   * A platform administrator or a member of any organization's team: a teacher of the
   * pupil's school must not be able to take over such an account by resetting its password.
   */
  isStaff: boolean;
}

// Drizzle leaves columns unqualified in a single-table select, where `user_id = id` inside a
// subquery would compare the subquery's own columns: the outer row is named explicitly.
const hasMediacentre = sql<boolean>`exists (select 1 from ${authenticationMethods} m where m.user_id = "users"."id" and m.provider = 'MEDIACENTRE')`;
const isStaff = sql<boolean>`"users"."is_platform_admin" or exists (select 1 from ${memberships} ms where ms.user_id = "users"."id" and ms.disabled_at is null)`;

export async function lockUsers(executor: Executor, userIds: string[]): Promise<Map<string, ManagedUser>> {
  if (userIds.length === 0) return new Map();
  const rows = await executor
    .select({
      id: users.id,
      email: users.email,
      username: users.username,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      hasMediacentre,
      isStaff,
    })
    .from(users)
    .where(inArray(users.id, userIds))
    .for('update', { of: users });
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Which of `candidates` are taken, in one query: logins are compared case-insensitively (as
 * the sign-in does), which no index serves, so a class's usernames are checked in one scan
 * rather than one each.
 */
export async function takenUsernames(executor: Executor, candidates: string[]): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const rows = await executor
    .select({ username: sql<string>`lower(${users.username})` })
    .from(users)
    .where(inArray(sql`lower(${users.username})`, candidates));
  return new Set(rows.map((row) => row.username));
}

export async function isUsernameTaken(executor: Executor, username: string): Promise<boolean> {
  const [row] = await executor.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username)).limit(1);
  return row !== undefined;
}

/** Attempts of a transaction that lost a race for a username: each retry sees the winner's and picks other digits. */
const USERNAME_RACE_ATTEMPTS = 3;

/**
 * Runs `transaction` again when another request took the same username between our check
 * and our insert (two teachers creating namesakes' accounts at once, on PostgreSQL).
 */
export async function retryOnUsernameRace<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= USERNAME_RACE_ATTEMPTS || !isUniqueViolation(error, 'one_account_per_username')) throw error;
    }
  }
}

export interface TemporaryPassword {
  userId: string;
  passwordHash: string;
  /** A username given at the same time, or null to keep the account's. */
  username: string | null;
}

/**
 * Sets temporary passwords, in one statement for a whole class: each is replaced at the next
 * sign-in, and every open session of those accounts ends, so whoever knew an old password is
 * signed out too.
 */
export async function setTemporaryPasswords(executor: Executor, entries: TemporaryPassword[], now: Date) {
  if (entries.length === 0) return;
  const rows = sql.join(
    entries.map((entry) => sql`(${entry.userId}::uuid, ${entry.passwordHash}, ${entry.username}::text)`),
    sql`, `,
  );
  await executor.execute(sql`
    update ${users} set password_hash = v.password_hash, must_change_password = true,
      username = coalesce(v.username, ${users}.username), updated_at = ${now.toISOString()}::timestamptz
    from (values ${rows}) as v(id, password_hash, username)
    where ${users}.id = v.id`);
  await executor
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(inArray(sessions.userId, entries.map((entry) => entry.userId)), isNull(sessions.revokedAt)));
}

export async function setUsername(executor: Executor, userId: string, username: string, now: Date) {
  await executor.update(users).set({ username, updatedAt: now }).where(eq(users.id, userId));
}

export interface NewPupilAccount {
  learner: LockedLearner;
  username: string;
  passwordHash: string;
}

/**
 * Username accounts for learners who have none, each linked to its learner; names from the
 * learner and no e-mail (minimisation). Returns the new account of each learner.
 */
export async function createPupilAccounts(executor: Executor, accounts: NewPupilAccount[], now: Date): Promise<Map<string, string>> {
  if (accounts.length === 0) return new Map();
  const created = await executor
    .insert(users)
    .values(
      accounts.map(({ learner, username, passwordHash }) => ({
        firstName: learner.firstName,
        lastName: learner.lastName,
        username,
        passwordHash,
        mustChangePassword: true,
      })),
    )
    .returning({ id: users.id, username: users.username });
  // Matched by username (unique), not by position: RETURNING promises no order.
  const userOf = new Map(created.map((user) => [user.username!, user.id]));
  const links = new Map(accounts.map(({ learner, username }) => [learner.id, userOf.get(username)!]));
  const rows = sql.join(
    [...links].map(([learnerId, userId]) => sql`(${learnerId}::uuid, ${userId}::uuid)`),
    sql`, `,
  );
  await executor.execute(sql`
    update ${organizationLearners} set user_id = v.user_id, updated_at = ${now.toISOString()}::timestamptz
    from (values ${rows}) as v(id, user_id)
    where ${organizationLearners}.id = v.id`);
  return links;
}

export type AuditAction = 'ACCOUNT_CREATED' | 'USERNAME_ADDED' | 'PASSWORD_RESET' | 'UNBLOCKED';

export interface AuditEntry {
  organizationLearnerId: string;
  targetUserId: string;
  action: AuditAction;
  /** What else happened (a password set with a username, a bulk action); never a password. */
  meta?: Record<string, boolean>;
}

export async function recordAudit(executor: Executor, organizationId: string, actorUserId: string, now: Date, entries: AuditEntry[]) {
  if (entries.length === 0) return;
  await executor.insert(learnerAuditEvents).values(
    entries.map((entry) => ({
      organizationId,
      actorUserId,
      organizationLearnerId: entry.organizationLearnerId,
      targetUserId: entry.targetUserId,
      action: entry.action,
      meta: entry.meta ?? null,
      createdAt: now,
    })),
  );
}

/** What « Gérer le compte » shows of the learner's account. */
export async function readPupilAccount(executor: Executor, learnerId: string, userId: string | null, now: Date): Promise<PupilAccount> {
  if (userId === null) {
    return {
      learnerId,
      hasAccount: false,
      email: null,
      username: null,
      hasMediacentre: false,
      isBlocked: false,
      temporaryBlockUntil: null,
      hasNeverSignedIn: true,
      mustChangePassword: false,
      isManageable: true,
    };
  }
  const [row] = await executor
    .select({
      email: users.email,
      username: users.username,
      hasMediacentre,
      blockedAt: users.blockedAt,
      temporaryBlockUntil: users.temporaryBlockUntil,
      lastSignedInAt: users.lastSignedInAt,
      mustChangePassword: users.mustChangePassword,
      isStaff,
    })
    .from(users)
    .where(eq(users.id, userId));
  const user = row!;
  return {
    learnerId,
    hasAccount: true,
    email: user.email,
    username: user.username,
    hasMediacentre: user.hasMediacentre,
    isBlocked: user.blockedAt !== null,
    temporaryBlockUntil: user.temporaryBlockUntil && user.temporaryBlockUntil > now ? user.temporaryBlockUntil.toISOString() : null,
    hasNeverSignedIn: user.lastSignedInAt === null,
    mustChangePassword: user.mustChangePassword,
    isManageable: !user.isStaff,
  };
}

export async function unblockUser(executor: Executor, userId: string, now: Date) {
  await executor.update(users).set({ failedSignInCount: 0, temporaryBlockUntil: null, blockedAt: null, updatedAt: now }).where(eq(users.id, userId));
}
