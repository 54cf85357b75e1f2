import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { participations } from '../campaigns';
import { learnerSortKey, organizationLearners } from '../organizations';
import { learnerAuditEvents } from './schema';

/** What a deleted learner's names become (`learners-and-accounts.md` §7). */
export const ANONYMISED_NAME = '(anonymisé)';

/**
 * Deletes learners of one organization (ADMIN, a selection, all or none), as §7 says: names
 * become « (anonymisé) », the birthdate the 1st of January of its year, every other personal
 * field is emptied, the account link is removed, and their participations are soft-deleted
 * and stripped of the identifier typed at joining. One audit row per learner records who did
 * it; the row itself carries no personal data.
 */
export async function deleteLearners(
  deps: { db: Db; clock: Clock },
  input: { organizationId: string; learnerIds: string[]; actorUserId: string },
): Promise<number> {
  const ids = [...new Set(input.learnerIds)];
  return deps.db.transaction(async (tx) => {
    const learners = await tx
      .select({ id: organizationLearners.id, userId: organizationLearners.userId })
      .from(organizationLearners)
      .where(and(inArray(organizationLearners.id, ids), eq(organizationLearners.organizationId, input.organizationId), isNull(organizationLearners.deletedAt)))
      .for('update');
    // Unknown, already deleted or another organization's: the same answer, so that the
    // selection reveals nothing about other organizations' learners.
    if (learners.length !== ids.length) throw new AppError('LEARNER_NOT_IN_ORGANIZATION');
    const now = deps.clock.now();
    await tx
      .update(organizationLearners)
      .set({
        firstName: ANONYMISED_NAME,
        middleName: null,
        thirdName: null,
        lastName: ANONYMISED_NAME,
        preferredLastName: null,
        sortKey: learnerSortKey(ANONYMISED_NAME, ANONYMISED_NAME),
        birthdate: sql`make_date(extract(year from ${organizationLearners.birthdate})::int, 1, 1)`,
        birthCity: null,
        birthCityCode: null,
        birthProvinceCode: null,
        birthCountryCode: null,
        nationalStudentId: null,
        nationalApprenticeId: null,
        division: null,
        mefCode: null,
        status: null,
        studentNumber: null,
        email: null,
        department: null,
        educationalTeam: null,
        group: null,
        diploma: null,
        studyScheme: null,
        attributes: null,
        isCertifiable: null,
        certifiableAt: null,
        userId: null,
        deletedAt: now,
        deletedBy: input.actorUserId,
        updatedAt: now,
      })
      .where(inArray(organizationLearners.id, ids));
    // Earlier deleted participations keep their deletion but lose their identifier too.
    await tx
      .update(participations)
      .set({
        deletedAt: sql`coalesce(${participations.deletedAt}, ${now.toISOString()}::timestamptz)`,
        deletedBy: sql`coalesce(${participations.deletedBy}, ${input.actorUserId}::uuid)`,
        participantExternalId: null,
        updatedAt: now,
      })
      .where(inArray(participations.organizationLearnerId, ids));
    await tx.insert(learnerAuditEvents).values(
      learners.map((learner) => ({
        organizationId: input.organizationId,
        actorUserId: input.actorUserId,
        organizationLearnerId: learner.id,
        targetUserId: learner.userId,
        action: 'LEARNER_DELETED',
        createdAt: now,
      })),
    );
    return learners.length;
  });
}
