import { applyT1, applyT2, preTreat } from '@jalon/engine';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { assertOpen, findCentreSitting } from './sittings';
import { certificationCandidates, certificationSittings } from './schema';

export type SittingRow = typeof certificationSittings.$inferSelect;
export type CandidateRow = typeof certificationCandidates.$inferSelect;

/** Names compared as reconciliation does (`learners-and-accounts.md` §3): accents, case, spaces and punctuation aside. */
function standardized(name: string): string {
  return applyT2(applyT1(preTreat(name)));
}

/** Whether two people would be the same candidate at the entry check. */
export function sameIdentity(
  a: { firstName: string; lastName: string; birthdate: string },
  b: { firstName: string; lastName: string; birthdate: string },
): boolean {
  return a.birthdate === b.birthdate && standardized(a.firstName) === standardized(b.firstName) && standardized(a.lastName) === standardized(b.lastName);
}

export async function findSittingByNumber(executor: Executor, number: number): Promise<SittingRow | undefined> {
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_147_483_647) return undefined;
  const [row] = await executor.select().from(certificationSittings).where(eq(certificationSittings.number, number));
  return row;
}

/**
 * The candidate a signed-in account says it is (`certification.md` §3.1): sitting number,
 * names and birthdate. Names must match exactly once standardised; a near miss is refused
 * too, since the entry check is what stands between a pupil and someone else's test.
 * Unknown sitting or no such candidate → `CANDIDATE_NOT_FOUND`, so the number alone is not probed.
 */
export async function findCandidateForEntry(
  executor: Executor,
  input: { sittingNumber: number; firstName: string; lastName: string; birthdate: string },
): Promise<{ sitting: SittingRow; candidate: CandidateRow }> {
  const sitting = await findSittingByNumber(executor, input.sittingNumber);
  if (!sitting) throw new AppError('CANDIDATE_NOT_FOUND');
  const sameBirthdate = await executor
    .select()
    .from(certificationCandidates)
    .where(and(eq(certificationCandidates.sittingId, sitting.id), eq(certificationCandidates.birthdate, input.birthdate)));
  const found = sameBirthdate.filter((c) => sameIdentity(c, input));
  if (found.length !== 1) throw new AppError('CANDIDATE_NOT_FOUND');
  return { sitting, candidate: found[0]! };
}

/**
 * « Autoriser » in the console: the invigilator saw the candidate in the room, who may now
 * type the access code. Only a candidate who entered the sitting (their account is linked)
 * can be authorised; authorising twice keeps the first time.
 */
export async function authorizeCandidate(tx: Tx, clock: Clock, input: { organizationId: string; sittingId: string; candidateId: string }): Promise<void> {
  assertOpen(await findCentreSitting(tx, input.organizationId, input.sittingId, true));
  const [candidate] = await tx
    .select()
    .from(certificationCandidates)
    .where(and(eq(certificationCandidates.id, input.candidateId), eq(certificationCandidates.sittingId, input.sittingId)));
  if (!candidate) throw new AppError('CANDIDATE_NOT_FOUND');
  if (!candidate.userId) throw new AppError('CANDIDATE_NOT_ENTERED');
  await tx
    .update(certificationCandidates)
    .set({ authorizedAt: clock.now() })
    .where(and(eq(certificationCandidates.id, candidate.id), isNull(certificationCandidates.authorizedAt)));
}
