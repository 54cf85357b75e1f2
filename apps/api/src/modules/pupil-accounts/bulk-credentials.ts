import type { CredentialsAction } from '@jalon/contracts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../platform/http/errors';
import { hashPassword } from '../identity';
import { organizations } from '../organizations/schema';
import { BOM, csvLine, csvText, localDate } from '../exports';
import { cryptoRandomInt, generateUsername, temporaryPassword } from './credentials';
import type { PupilAccountDeps } from './account-actions';
import {
  createPupilAccount,
  isUsernameTaken,
  lockLearners,
  lockUsers,
  recordAudit,
  retryOnUsernameRace,
  setTemporaryPassword,
  type AuditEntry,
  type LockedLearner,
} from './pupil-account.repository';

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
  const random = deps.random ?? cryptoRandomInt;
  const [organization] = await deps.db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, input.organizationId));
  // Hashing takes tens of milliseconds a password: done before the transaction, which would
  // otherwise hold the learners' rows (and PGlite's only connection) that long.
  const passwords = input.learnerIds.map(() => temporaryPassword(random));
  const hashes = await Promise.all(passwords.map((password) => hashPassword(password)));

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
      const given = new Set<string>();
      const isTaken = async (candidate: string) => given.has(candidate) || isUsernameTaken(tx, candidate);
      const lines: Credentials[] = [];
      const audit: AuditEntry[] = [];
      let untouched = 0;

      for (const [index, learner] of learners.entries()) {
        const password = passwords[index]!;
        const passwordHash = hashes[index]!;
        const user = learner.userId === null ? null : accounts.get(learner.userId)!;
        if (user?.isStaff || (input.action === 'RESET' && user?.username == null)) {
          untouched++;
          continue;
        }
        if (user === null) {
          const username = await generateUsername(learner, isTaken, random);
          if (username === null) throw new AppError('USERNAME_GENERATION_FAILED');
          given.add(username);
          const userId = await createPupilAccount(tx, learner, { username, passwordHash, now });
          audit.push({ organizationLearnerId: learner.id, targetUserId: userId, action: 'ACCOUNT_CREATED', meta: { bulk: true } });
          lines.push({ learner, username, password });
          continue;
        }
        let username = user.username;
        if (username === null) {
          username = await generateUsername(learner, isTaken, random);
          if (username === null) throw new AppError('USERNAME_GENERATION_FAILED');
          given.add(username);
          audit.push({ organizationLearnerId: learner.id, targetUserId: user.id, action: 'USERNAME_ADDED', meta: { bulk: true, temporaryPassword: true } });
          await setTemporaryPassword(tx, user.id, passwordHash, now, username);
        } else {
          audit.push({ organizationLearnerId: learner.id, targetUserId: user.id, action: 'PASSWORD_RESET', meta: { bulk: true } });
          await setTemporaryPassword(tx, user.id, passwordHash, now);
        }
        lines.push({ learner, username, password });
      }
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
