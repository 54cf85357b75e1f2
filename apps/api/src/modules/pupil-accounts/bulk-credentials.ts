import type { CredentialsAction } from '@jalon/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors';
import { hashPassword } from '../identity';
import { organizations } from '../organizations/schema';
import { BOM, csvLine, csvText, localDate } from '../exports';
import { firstUsernameCandidate, generateUsername, temporaryPassword } from './credentials';
import type { PupilAccountDeps } from './account-actions';
import {
  countLearners,
  createPupilAccounts,
  isUsernameTaken,
  lockLearners,
  lockUsers,
  recordAudit,
  retryOnUsernameRace,
  setTemporaryPasswords,
  takenUsernames,
  type AuditEntry,
  type LockedLearner,
  type NewPupilAccount,
  type TemporaryPassword,
} from './pupil-account.repository';

/**
 * How many hashes of one bulk request run at once. Hashes run on libuv's pool (4 threads by
 * default), first come first served: queueing a class's hundreds at once would hold every
 * sign-in of the instance behind them for seconds.
 */
const HASHES_AT_ONCE = 2;

async function hashFew(passwords: string[]): Promise<string[]> {
  const hashes: string[] = new Array<string>(passwords.length);
  let next = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const index = next++;
      hashes[index] = await hashPassword(passwords[index]!);
    }
  };
  await Promise.all(Array.from({ length: HASHES_AT_ONCE }, worker));
  return hashes;
}

export interface CredentialsFile {
  fileName: string;
  content: string;
  /** Pupils who got credentials (one line each). */
  updated: number;
  /** Selected pupils left as they were: RESET skips accounts without a username; neither touches a team member's account. */
  untouched: number;
}

interface Credentials {
  learner: LockedLearner;
  username: string;
  password: string;
}

const HEADER = csvLine(['Classe', 'Nom', 'Prénom', 'Identifiant', 'Mot de passe'].map(csvText));

/**
 * « Générer les identifiants » (GENERATE: a username where missing, an account where none,
 * a temporary password for all) and « Réinitialiser les mots de passe » (RESET: username
 * logins only), `learners-and-accounts.md` §5. One transaction: a learner outside the
 * organization refuses the whole selection. The passwords exist in clear only in the
 * returned file.
 */
export async function bulkCredentials(
  deps: PupilAccountDeps,
  input: { organizationId: string; actorUserId: string; learnerIds: string[]; action: CredentialsAction },
): Promise<CredentialsFile> {
  const [organization] = await deps.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, input.organizationId));
  // Checked again under lock below; checked here first so that a refused selection costs no hashing.
  if ((await countLearners(deps.db, input.organizationId, input.learnerIds)) !== input.learnerIds.length) {
    throw new AppError('LEARNER_NOT_IN_ORGANIZATION');
  }
  // Hashing takes tens of milliseconds a password: done before the transaction, which would
  // otherwise hold the learners' rows (and PGlite's only connection) that long.
  const passwords = input.learnerIds.map(() => temporaryPassword());
  const hashes = await hashFew(passwords);

  const now = deps.clock.now();
  const { lines, untouched } = await retryOnUsernameRace(() =>
    deps.db.transaction(async (tx) => {
      const learners = await lockLearners(tx, input.organizationId, input.learnerIds);
      // Unknown, deleted or another organization's: one answer, revealing nothing about which.
      if (learners.length !== input.learnerIds.length) throw new AppError('LEARNER_NOT_IN_ORGANIZATION');
      const accounts = await lockUsers(
        tx,
        learners.flatMap((learner) => (learner.userId === null ? [] : [learner.userId])),
      );
      const firstTries = learners.flatMap((learner) => {
        const user = learner.userId === null ? null : accounts.get(learner.userId)!;
        const candidate = user?.username == null ? firstUsernameCandidate(learner) : null;
        return candidate === null ? [] : [candidate];
      });
      const takenFirstTries = await takenUsernames(tx, firstTries);
      const checkedFirstTries = new Set(firstTries);
      // Given in this file, taken before it (first tries, all known from one query), or asked of the database.
      const given = new Set<string>();
      const isTaken = async (candidate: string) =>
        given.has(candidate) || (checkedFirstTries.has(candidate) ? takenFirstTries.has(candidate) : isUsernameTaken(tx, candidate));
      const lines: Credentials[] = [];
      const newAccounts: NewPupilAccount[] = [];
      const newPasswords: TemporaryPassword[] = [];
      const audit: AuditEntry[] = [];
      let untouched = 0;

      // Usernames are chosen one by one (each must see the previous ones); the writes go in batches.
      for (const [index, learner] of learners.entries()) {
        const password = passwords[index]!;
        const passwordHash = hashes[index]!;
        const user = learner.userId === null ? null : accounts.get(learner.userId)!;
        if (user?.isStaff || (input.action === 'RESET' && user?.username == null)) {
          untouched++;
          continue;
        }
        let username = user?.username ?? null;
        if (username === null) {
          username = await generateUsername(learner, isTaken);
          if (username === null) throw new AppError('USERNAME_GENERATION_FAILED');
          given.add(username);
        }
        if (user === null) {
          newAccounts.push({ learner, username, passwordHash });
        } else {
          const added = user.username === null;
          newPasswords.push({ userId: user.id, passwordHash, username: added ? username : null });
          audit.push(
            added
              ? { organizationLearnerId: learner.id, targetUserId: user.id, action: 'USERNAME_ADDED', meta: { bulk: true, temporaryPassword: true } }
              : { organizationLearnerId: learner.id, targetUserId: user.id, action: 'PASSWORD_RESET', meta: { bulk: true } },
          );
        }
        lines.push({ learner, username, password });
      }
      const created = await createPupilAccounts(tx, newAccounts, now);
      for (const [learnerId, userId] of created) {
        audit.push({ organizationLearnerId: learnerId, targetUserId: userId, action: 'ACCOUNT_CREATED', meta: { bulk: true } });
      }
      await setTemporaryPasswords(tx, newPasswords, now);
      // Nothing to hand out: an error rather than an empty file the teacher would print for nothing.
      if (lines.length === 0) throw new AppError(input.action === 'RESET' ? 'CREDENTIALS_NOTHING_TO_RESET' : 'PUPIL_ACCOUNT_NOT_MANAGEABLE');
      await recordAudit(tx, input.organizationId, input.actorUserId, now, audit);
      return { lines, untouched };
    }),
  );

  const content =
    BOM +
    HEADER +
    lines
      .map(({ learner, username, password }) => csvLine([csvText(learner.division), csvText(learner.lastName), csvText(learner.firstName), csvText(username), csvText(password)]))
      .join('');
  const day = localDate(now, organization?.timeZone ?? 'Europe/Paris');
  return { fileName: `Identifiants-eleves-${day}.csv`, content, updated: lines.length, untouched };
}
