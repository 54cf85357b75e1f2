import type { PupilAccount, PupilAccountWithPassword } from '@jalon/contracts';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { hashPassword } from '../identity';
import { generateUsername, temporaryPassword } from './credentials';
import {
  createPupilAccounts,
  findLearner,
  isUsernameTaken,
  lockLearners,
  lockUsers,
  readPupilAccount,
  recordAudit,
  retryOnUsernameRace,
  setTemporaryPasswords,
  setUsername,
  unblockUser,
  type LockedLearner,
  type ManagedUser,
} from './pupil-account.repository';

export interface PupilAccountDeps {
  db: Db;
  clock: Clock;
}

export interface LearnerRef {
  organizationId: string;
  learnerId: string;
  actorUserId: string;
}

/** A temporary password and its argon2id hash, computed before any transaction opens: hashing takes tens of milliseconds. */
async function freshPassword(): Promise<{ password: string; hash: string }> {
  const password = temporaryPassword();
  return { password, hash: await hashPassword(password) };
}

export async function getPupilAccount(deps: PupilAccountDeps, ref: Omit<LearnerRef, 'actorUserId'>): Promise<PupilAccount> {
  const learner = await findLearner(deps.db, ref.organizationId, ref.learnerId);
  if (!learner) throw new AppError('LEARNER_NOT_IN_ORGANIZATION');
  return readPupilAccount(deps.db, learner.id, learner.userId, deps.clock.now());
}

/** What an action did: the account it acted on, and the temporary password to show once, if it set one. */
interface ActionOutcome {
  userId: string;
  password: string | null;
}

/**
 * Runs one action on the learner's account inside a transaction holding the learner's and
 * the account's rows, then answers with the account as it now is.
 */
async function onAccount(
  deps: PupilAccountDeps,
  ref: LearnerRef,
  action: (tx: Tx, learner: LockedLearner, user: ManagedUser | null, now: Date) => Promise<ActionOutcome>,
): Promise<PupilAccountWithPassword> {
  const now = deps.clock.now();
  return retryOnUsernameRace(() =>
    deps.db.transaction(async (tx) => {
      const [learner] = await lockLearners(tx, ref.organizationId, [ref.learnerId]);
      if (!learner) throw new AppError('LEARNER_NOT_IN_ORGANIZATION');
      const user = learner.userId === null ? null : (await lockUsers(tx, [learner.userId])).get(learner.userId)!;
      if (user?.isStaff) throw new AppError('PUPIL_ACCOUNT_NOT_MANAGEABLE');
      const outcome = await action(tx, learner, user, now);
      return { account: await readPupilAccount(tx, learner.id, outcome.userId, now), temporaryPassword: outcome.password };
    }),
  );
}

function requireAccount(user: ManagedUser | null): ManagedUser {
  if (user === null) throw new AppError('LEARNER_HAS_NO_ACCOUNT');
  return user;
}

async function freeUsername(tx: Tx, learner: LockedLearner): Promise<string> {
  const username = await generateUsername(learner, (candidate) => isUsernameTaken(tx, candidate));
  if (username === null) throw new AppError('USERNAME_GENERATION_FAILED');
  return username;
}

/** « Créer le compte » of a pupil who never signed in: a username and a temporary password, linked to the learner. */
export async function createAccount(deps: PupilAccountDeps, ref: LearnerRef): Promise<PupilAccountWithPassword> {
  const fresh = await freshPassword();
  return onAccount(deps, ref, async (tx, learner, user, now) => {
    if (user !== null) throw new AppError('LEARNER_ALREADY_HAS_ACCOUNT');
    const username = await freeUsername(tx, learner);
    const userId = (await createPupilAccounts(tx, [{ learner, username, passwordHash: fresh.hash }], now)).get(learner.id)!;
    await recordAudit(tx, ref.organizationId, ref.actorUserId, now, [{ organizationLearnerId: learner.id, targetUserId: userId, action: 'ACCOUNT_CREATED' }]);
    return { userId, password: fresh.password };
  });
}

/**
 * « Ajouter un identifiant ». An account that signs in only through the Médiacentre has no
 * password, and a username without one would be useless: it gets a temporary password too.
 */
export async function addUsername(deps: PupilAccountDeps, ref: LearnerRef): Promise<PupilAccountWithPassword> {
  const fresh = await freshPassword();
  return onAccount(deps, ref, async (tx, learner, found, now) => {
    const user = requireAccount(found);
    if (user.username !== null) throw new AppError('PUPIL_ACCOUNT_HAS_USERNAME');
    const username = await freeUsername(tx, learner);
    if (user.hasPassword) {
      await setUsername(tx, user.id, username, now);
    } else {
      await setTemporaryPasswords(tx, [{ userId: user.id, passwordHash: fresh.hash, username }], now);
    }
    await recordAudit(tx, ref.organizationId, ref.actorUserId, now, [
      { organizationLearnerId: learner.id, targetUserId: user.id, action: 'USERNAME_ADDED', meta: { temporaryPassword: !user.hasPassword } },
    ]);
    return { userId: user.id, password: user.hasPassword ? null : fresh.password };
  });
}

/** « Générer un mot de passe provisoire », shown once, for an account that signs in with a password. */
export async function resetPassword(deps: PupilAccountDeps, ref: LearnerRef): Promise<PupilAccountWithPassword> {
  const fresh = await freshPassword();
  return onAccount(deps, ref, async (tx, learner, found, now) => {
    const user = requireAccount(found);
    if (user.username === null && user.email === null) throw new AppError('PUPIL_ACCOUNT_WITHOUT_PASSWORD_LOGIN');
    await setTemporaryPasswords(tx, [{ userId: user.id, passwordHash: fresh.hash, username: null }], now);
    await recordAudit(tx, ref.organizationId, ref.actorUserId, now, [{ organizationLearnerId: learner.id, targetUserId: user.id, action: 'PASSWORD_RESET' }]);
    return { userId: user.id, password: fresh.password };
  });
}

/** « Débloquer »: the lockout counters start again from zero (`learners-and-accounts.md` §6). */
export async function unblock(deps: PupilAccountDeps, ref: LearnerRef): Promise<PupilAccountWithPassword> {
  return onAccount(deps, ref, async (tx, learner, found, now) => {
    const user = requireAccount(found);
    await unblockUser(tx, user.id, now);
    await recordAudit(tx, ref.organizationId, ref.actorUserId, now, [{ organizationLearnerId: learner.id, targetUserId: user.id, action: 'UNBLOCKED' }]);
    return { userId: user.id, password: null };
  });
}
