import type { Eligibility } from '@jalon/contracts';
import { profileScore, type CompetenceId } from '@jalon/engine';
import type { Executor } from '../../platform/db/database';
import { profileElementsOf } from '../assessment';

/**
 * Whether an account may sit the certification now (`certification.md` §2): ≥ 5 core
 * competences at level ≥ 1 on the live profile, levels above the cap allowed. The
 * candidate's start checks it; enrolment only warns.
 */
export async function isCertifiable(executor: Executor, userId: string, coreCompetenceIds: readonly CompetenceId[]): Promise<boolean> {
  return profileScore(await profileElementsOf(executor, userId), coreCompetenceIds).isCertifiable;
}

/**
 * The enrolment warning of each account (a sitting's few dozen candidates, one profile
 * read each). No account: a roster pupil has no profile yet, so is not certifiable; a
 * candidate enrolled by hand may have one we cannot see until they enter the sitting.
 */
export async function eligibilities(
  executor: Executor,
  people: readonly { key: string; userId: string | null; fromRoster: boolean }[],
  coreCompetenceIds: readonly CompetenceId[],
): Promise<Map<string, Eligibility>> {
  const result = new Map<string, Eligibility>();
  for (const person of people) {
    if (person.userId) result.set(person.key, (await isCertifiable(executor, person.userId, coreCompetenceIds)) ? 'CERTIFIABLE' : 'NOT_CERTIFIABLE');
    else result.set(person.key, person.fromRoster ? 'NOT_CERTIFIABLE' : 'UNKNOWN');
  }
  return result;
}
