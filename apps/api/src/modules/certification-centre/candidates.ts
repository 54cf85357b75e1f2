import type { Candidate, CandidateValues, Roster } from '@jalon/contracts';
import type { CompetenceId } from '@jalon/engine';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationCourses } from '../certification-course/schema';
import { learnerSortKey, organizationLearners } from '../organizations';
import { eligibilities } from './eligibility';
import { sameIdentity } from './entry';
import { assertOpen, findCentreSitting } from './sittings';
import { certificationCandidates } from './schema';

/** INSEE's code for France in SIECLE's birth country field; other codes are kept as they come. */
const FRANCE_INSEE_CODE = '99100';

function liveLearnerOf(organizationId: string) {
  return and(eq(organizationLearners.organizationId, organizationId), isNull(organizationLearners.deletedAt), eq(organizationLearners.isDisabled, false));
}

/** The sitting's candidates in name order (only `ids` when given: the ones just enrolled), each with the enrolment warning. */
export async function listCandidates(
  executor: Executor,
  sittingId: string,
  coreCompetenceIds: readonly CompetenceId[],
  ids?: readonly string[],
): Promise<Candidate[]> {
  if (ids?.length === 0) return [];
  const rows = await executor
    .select({
      candidate: certificationCandidates,
      division: organizationLearners.division,
      learnerUserId: organizationLearners.userId,
      courseId: certificationCourses.id,
    })
    .from(certificationCandidates)
    .leftJoin(organizationLearners, eq(organizationLearners.id, certificationCandidates.organizationLearnerId))
    .leftJoin(certificationCourses, eq(certificationCourses.candidateId, certificationCandidates.id))
    .where(and(eq(certificationCandidates.sittingId, sittingId), ids ? inArray(certificationCandidates.id, [...ids]) : undefined))
    .orderBy(sql`${certificationCandidates.sortKey} collate "C"`, asc(certificationCandidates.id));
  const warnings = await eligibilities(
    executor,
    rows.map((r) => ({ key: r.candidate.id, userId: r.candidate.userId ?? r.learnerUserId, fromRoster: r.candidate.organizationLearnerId !== null })),
    coreCompetenceIds,
  );
  return rows.map(({ candidate: c, division, courseId }) => ({
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthdate: c.birthdate,
    birthCity: c.birthCity,
    birthCountry: c.birthCountry,
    externalId: c.externalId,
    extraTimePercentage: c.extraTimePercentage,
    accessibilityAdjustmentNeeded: c.accessibilityAdjustmentNeeded,
    organizationLearnerId: c.organizationLearnerId,
    division,
    eligibility: warnings.get(c.id) ?? 'UNKNOWN',
    hasStarted: courseId !== null,
  }));
}

/**
 * Two candidates with the same names and birthdate could not tell themselves apart at the
 * entry check: the second is refused, naming the one already there.
 */
async function assertNotEnrolled(tx: Tx, sittingId: string, people: readonly { firstName: string; lastName: string; birthdate: string; organizationLearnerId?: string }[]) {
  const enrolled = await tx.select().from(certificationCandidates).where(eq(certificationCandidates.sittingId, sittingId));
  for (const person of people) {
    const twin = enrolled.find((c) => sameIdentity(c, person) && (person.organizationLearnerId === undefined || c.organizationLearnerId !== person.organizationLearnerId));
    if (twin) throw new AppError('CANDIDATE_ALREADY_ENROLLED', { meta: { firstName: twin.firstName, lastName: twin.lastName } });
  }
}

export async function enrolByHand(tx: Tx, organizationId: string, sittingId: string, body: Required<CandidateValues>): Promise<string> {
  assertOpen(await findCentreSitting(tx, organizationId, sittingId, true));
  await assertNotEnrolled(tx, sittingId, [body]);
  const [row] = await tx
    .insert(certificationCandidates)
    .values({
      sittingId,
      firstName: body.firstName,
      lastName: body.lastName,
      sortKey: learnerSortKey(body.lastName, body.firstName),
      birthdate: body.birthdate,
      birthCity: body.birthCity,
      birthCountry: body.birthCountry,
      externalId: body.externalId,
      extraTimePercentage: body.extraTimePercentage,
      accessibilityAdjustmentNeeded: body.accessibilityAdjustmentNeeded,
    })
    .returning({ id: certificationCandidates.id });
  return row!.id;
}

/**
 * Enrols ticked pupils of the centre's own roster, copying their identity as SIECLE gave
 * it. Every id must be a current learner of the centre with a birthdate, else nothing is
 * written; pupils already enrolled are left as they are (a double click, another tab).
 */
export async function enrolFromRoster(tx: Tx, organizationId: string, sittingId: string, learnerIds: readonly string[]): Promise<string[]> {
  assertOpen(await findCentreSitting(tx, organizationId, sittingId, true));
  const ids = [...new Set(learnerIds)];
  const learners = await tx
    .select()
    .from(organizationLearners)
    .where(and(liveLearnerOf(organizationId), inArray(organizationLearners.id, ids)));
  if (learners.length !== ids.length) throw new AppError('LEARNER_NOT_IN_ORGANIZATION');
  const withoutBirthdate = learners.find((learner) => !learner.birthdate);
  if (withoutBirthdate) throw new AppError('BIRTHDATE_INVALID', { meta: { organizationLearnerId: withoutBirthdate.id } });
  await assertNotEnrolled(
    tx,
    sittingId,
    learners.map((learner) => ({ firstName: learner.firstName, lastName: learner.lastName, birthdate: learner.birthdate!, organizationLearnerId: learner.id })),
  );
  const rows = await tx
    .insert(certificationCandidates)
    .values(
      learners.map((learner) => ({
        sittingId,
        firstName: learner.firstName,
        lastName: learner.lastName,
        sortKey: learner.sortKey,
        birthdate: learner.birthdate!,
        birthCity: learner.birthCity,
        birthCountry: learner.birthCountryCode === FRANCE_INSEE_CODE ? 'France' : learner.birthCountryCode,
        organizationLearnerId: learner.id,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: certificationCandidates.id });
  return rows.map((r) => r.id);
}

/** A candidate leaves the list only before their test starts: a started test is the sitting's record. */
export async function removeCandidate(tx: Tx, organizationId: string, sittingId: string, candidateId: string): Promise<void> {
  assertOpen(await findCentreSitting(tx, organizationId, sittingId, true));
  const [candidate] = await tx
    .select({ id: certificationCandidates.id, courseId: certificationCourses.id })
    .from(certificationCandidates)
    .leftJoin(certificationCourses, eq(certificationCourses.candidateId, certificationCandidates.id))
    .where(and(eq(certificationCandidates.id, candidateId), eq(certificationCandidates.sittingId, sittingId)));
  if (!candidate) throw new AppError('CANDIDATE_NOT_FOUND');
  if (candidate.courseId) throw new AppError('CANDIDATE_ALREADY_STARTED');
  await tx.delete(certificationCandidates).where(eq(certificationCandidates.id, candidateId));
}

/** « Inscrire depuis une classe »: the centre's classes, and the pupils of the chosen one. */
export async function roster(
  executor: Executor,
  organizationId: string,
  sittingId: string,
  division: string,
  coreCompetenceIds: readonly CompetenceId[],
): Promise<Roster> {
  await findCentreSitting(executor, organizationId, sittingId);
  const divisionRows = await executor
    .select({ division: organizationLearners.division })
    .from(organizationLearners)
    .where(and(liveLearnerOf(organizationId), isNotNull(organizationLearners.division)))
    .groupBy(organizationLearners.division)
    .orderBy(sql`${organizationLearners.division} collate "C"`);
  if (!division) return { divisions: divisionRows.map((r) => r.division!), learners: [] };
  const learners = await executor
    .select({
      id: organizationLearners.id,
      firstName: organizationLearners.firstName,
      lastName: organizationLearners.lastName,
      birthdate: organizationLearners.birthdate,
      division: organizationLearners.division,
      userId: organizationLearners.userId,
      candidateId: certificationCandidates.id,
    })
    .from(organizationLearners)
    .leftJoin(
      certificationCandidates,
      and(eq(certificationCandidates.organizationLearnerId, organizationLearners.id), eq(certificationCandidates.sittingId, sittingId)),
    )
    .where(and(liveLearnerOf(organizationId), eq(organizationLearners.division, division)))
    .orderBy(sql`${organizationLearners.sortKey} collate "C"`, asc(organizationLearners.id));
  const warnings = await eligibilities(
    executor,
    learners.map((l) => ({ key: l.id, userId: l.userId, fromRoster: true })),
    coreCompetenceIds,
  );
  return {
    divisions: divisionRows.map((r) => r.division!),
    learners: learners.map((l) => ({
      id: l.id,
      firstName: l.firstName,
      lastName: l.lastName,
      birthdate: l.birthdate,
      division: l.division,
      alreadyEnrolled: l.candidateId !== null,
      eligibility: warnings.get(l.id) ?? 'NOT_CERTIFIABLE',
    })),
  };
}
