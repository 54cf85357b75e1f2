import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/db/constraints';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { organizationLearners, organizations } from '../organizations';
import { learnerAuditEvents } from './schema';

/**
 * « Éditer le numéro étudiant » (SUP, `learners-and-accounts.md` §1): unique among the
 * organization's live students. The numbers themselves stay out of the audit row.
 */
export async function updateStudentNumber(
  deps: { db: Db; clock: Clock },
  input: { organizationId: string; learnerId: string; studentNumber: string; actorUserId: string },
): Promise<void> {
  try {
    await deps.db.transaction(async (tx) => {
      const [organization] = await tx.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, input.organizationId));
      const [learner] = await tx
        .select({ id: organizationLearners.id, userId: organizationLearners.userId, studentNumber: organizationLearners.studentNumber })
        .from(organizationLearners)
        .where(and(eq(organizationLearners.id, input.learnerId), eq(organizationLearners.organizationId, input.organizationId), isNull(organizationLearners.deletedAt)))
        .for('update');
      if (!learner) throw new AppError('LEARNER_NOT_FOUND');
      if (organization?.type !== 'SUP') throw new AppError('STUDENT_NUMBER_NOT_APPLICABLE');
      if (learner.studentNumber === input.studentNumber) return;
      const [taken] = await tx
        .select({ id: organizationLearners.id })
        .from(organizationLearners)
        .where(
          and(
            eq(organizationLearners.organizationId, input.organizationId),
            eq(organizationLearners.studentNumber, input.studentNumber),
            isNull(organizationLearners.deletedAt),
            ne(organizationLearners.id, learner.id),
          ),
        );
      if (taken) throw new AppError('STUDENT_NUMBER_ALREADY_USED', { pointer: '/studentNumber' });
      const now = deps.clock.now();
      await tx.update(organizationLearners).set({ studentNumber: input.studentNumber, updatedAt: now }).where(eq(organizationLearners.id, learner.id));
      await tx.insert(learnerAuditEvents).values({
        organizationId: input.organizationId,
        actorUserId: input.actorUserId,
        organizationLearnerId: learner.id,
        targetUserId: learner.userId,
        action: 'STUDENT_NUMBER_CHANGED',
        createdAt: now,
      });
    });
  } catch (error) {
    // Two teachers giving the same number at once: the unique index decides.
    if (isUniqueViolation(error, 'one_learner_per_student_number_in_organization')) throw new AppError('STUDENT_NUMBER_ALREADY_USED', { pointer: '/studentNumber' });
    throw error;
  }
}
