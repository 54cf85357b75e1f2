import type { CertificationEntry, CertificationEntryBody } from '@jalon/contracts';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationCandidates, certificationSittings, findCandidateForEntry, isCertifiable } from '../certification-centre';
import type { CourseDeps } from './course';
import { certificationCourses } from './schema';

type CandidateRow = typeof certificationCandidates.$inferSelect;
type SittingRow = typeof certificationSittings.$inferSelect;
type CourseRow = typeof certificationCourses.$inferSelect;

function entryOf(candidate: CandidateRow, sitting: SittingRow, course: CourseRow | null): CertificationEntry {
  let state: CertificationEntry['state'] = 'waiting';
  if (course?.endedAt) state = 'ended';
  else if (course) state = 'started';
  else if (candidate.authorizedAt) state = 'authorized';
  return {
    candidateId: candidate.id,
    state,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    sitting: { number: sitting.number, date: sitting.date, time: sitting.time, address: sitting.address, room: sitting.room },
    courseId: course?.id ?? null,
  };
}

/**
 * The signed-in account says which candidate it is (`certification.md` §3.1). A candidate
 * belongs to one account: entering again from it is harmless, from another is refused, and
 * one account cannot be two candidates of a sitting.
 */
export async function enterSitting(deps: Pick<CourseDeps, 'db'>, userId: string, body: CertificationEntryBody): Promise<CertificationEntry> {
  return deps.db.transaction(async (tx) => {
    const { sitting, candidate } = await findCandidateForEntry(tx, body);
    if (sitting.status !== 'created') throw new AppError('SITTING_CLOSED');
    if (candidate.userId && candidate.userId !== userId) throw new AppError('CANDIDATE_ALREADY_ENTERED');
    if (!candidate.userId) {
      const other = await tx
        .select({ id: certificationCandidates.id })
        .from(certificationCandidates)
        .where(and(eq(certificationCandidates.sittingId, sitting.id), eq(certificationCandidates.userId, userId), ne(certificationCandidates.id, candidate.id)));
      if (other.length > 0) throw new AppError('CANDIDATE_ALREADY_ENTERED');
      const [linked] = await tx.update(certificationCandidates).set({ userId }).where(eq(certificationCandidates.id, candidate.id)).returning();
      return entryOf(linked!, sitting, null);
    }
    return entryOf(candidate, sitting, await courseOf(tx, candidate.id));
  });
}

async function courseOf(executor: Executor, candidateId: string): Promise<CourseRow | null> {
  const [course] = await executor.select().from(certificationCourses).where(eq(certificationCourses.candidateId, candidateId));
  return course ?? null;
}

/**
 * Where the signed-in candidate stands in an open (not finalised) sitting they entered,
 * unfinished tests first: the waiting screen polls it until the invigilator authorises them.
 */
export async function myEntry(deps: Pick<CourseDeps, 'db'>, userId: string): Promise<CertificationEntry | null> {
  const [row] = await deps.db
    .select({ candidate: certificationCandidates, sitting: certificationSittings, course: certificationCourses })
    .from(certificationCandidates)
    .innerJoin(certificationSittings, eq(certificationSittings.id, certificationCandidates.sittingId))
    .leftJoin(certificationCourses, eq(certificationCourses.candidateId, certificationCandidates.id))
    .where(and(eq(certificationCandidates.userId, userId), eq(certificationSittings.status, 'created')))
    // A test still to take or running comes before one already finished.
    .orderBy(sql`${certificationCourses.endedAt} is not null`, desc(certificationSittings.date), desc(certificationCandidates.createdAt))
    .limit(1);
  return row ? entryOf(row.candidate, row.sitting, row.course) : null;
}

/**
 * The authorised candidate types the sitting's access code and the test starts, once: a
 * second start returns the same course. Eligibility is checked now, on the live profile
 * (`certification.md` §2). The sitting row is locked so that a finalisation never crosses
 * a start.
 */
export async function startCourse(deps: Pick<CourseDeps, 'db' | 'clock' | 'content'>, userId: string, candidateId: string, accessCode: string): Promise<CertificationEntry> {
  return deps.db.transaction(async (tx) => {
    const [candidate] = await tx.select().from(certificationCandidates).where(eq(certificationCandidates.id, candidateId));
    if (!candidate || candidate.userId !== userId) throw new AppError('CANDIDATE_NOT_FOUND');
    const [sitting] = await tx.select().from(certificationSittings).where(eq(certificationSittings.id, candidate.sittingId)).for('update');
    if (!sitting || sitting.status !== 'created') throw new AppError('SITTING_CLOSED');
    if (!candidate.authorizedAt) throw new AppError('CANDIDATE_NOT_AUTHORIZED');
    if (accessCode !== sitting.accessCode) throw new AppError('SITTING_ACCESS_CODE_INVALID', { pointer: '/accessCode' });
    const existing = await courseOf(tx, candidate.id);
    if (existing) return entryOf(candidate, sitting, existing);
    if (!(await isCertifiable(tx, userId, deps.content.coreCompetenceIds))) throw new AppError('CANDIDATE_NOT_CERTIFIABLE');
    const now = deps.clock.now();
    const [course] = await tx
      .insert(certificationCourses)
      .values({ candidateId: candidate.id, sittingId: sitting.id, userId, startedAt: now, createdAt: now })
      .onConflictDoNothing()
      .returning();
    return entryOf(candidate, sitting, course ?? (await courseOf(tx, candidate.id)));
  });
}
