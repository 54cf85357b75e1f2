import type { Release } from '@jalon/content';
import type { CertificationIssueResolution } from '@jalon/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationCandidates } from '../certification-centre/schema';
import { endCourse, hasOpenReport, isOverdue } from './course';
import { certificationCourses, certificationIssueReports } from './schema';

/**
 * « Terminer le test » in the console: ends a running test and scores it. The caller has
 * checked that the course belongs to its centre. An ended test stays as it ended.
 */
export async function endCourseByInvigilator(db: Db, courseId: string, now: Date, release: Release): Promise<void> {
  const [course] = await db.select({ endedAt: certificationCourses.endedAt }).from(certificationCourses).where(eq(certificationCourses.id, courseId));
  if (!course) throw new AppError('CERTIFICATION_COURSE_NOT_FOUND');
  if (course.endedAt) throw new AppError('CERTIFICATION_COURSE_ENDED');
  await endCourse(db, release, courseId, 'INVIGILATOR', now);
}

/**
 * Ends `TIMED_OUT` the tests of a sitting whose time is up but whose candidate sent nothing
 * since (a closed laptop): the console and the finalisation see them finished. Returns how
 * many it ended.
 */
export async function endOverdueCourses(db: Db, sittingId: string, now: Date, release: Release): Promise<number> {
  const running = await db
    .select({
      id: certificationCourses.id,
      startedAt: certificationCourses.startedAt,
      pausedAt: certificationCourses.pausedAt,
      pausedMs: certificationCourses.pausedMs,
      extra: certificationCandidates.extraTimePercentage,
    })
    .from(certificationCourses)
    .innerJoin(certificationCandidates, eq(certificationCandidates.id, certificationCourses.candidateId))
    .where(and(eq(certificationCourses.sittingId, sittingId), isNull(certificationCourses.endedAt)));
  let ended = 0;
  for (const course of running) {
    if (!isOverdue(course, course.extra, now)) continue;
    if (await endCourse(db, release, course.id, 'TIMED_OUT', now)) ended++;
  }
  return ended;
}

/**
 * The invigilator settles a report: `RESUME` lets the candidate go on with the same
 * challenge; `REPLACEMENT` drops it, and its skill is served to nobody in the sitting
 * again (`certification.md` §3). The test resumes once no report of it is open.
 */
export async function resolveIssueReport(db: Db, reportId: string, resolution: CertificationIssueResolution, userId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [report] = await tx.select().from(certificationIssueReports).where(eq(certificationIssueReports.id, reportId)).for('update');
    if (!report) throw new AppError('ISSUE_REPORT_NOT_FOUND');
    if (report.resolvedAt) throw new AppError('CERTIFICATION_ISSUE_REPORT_RESOLVED');
    await tx.update(certificationIssueReports).set({ resolution, resolvedAt: now, resolvedBy: userId }).where(eq(certificationIssueReports.id, reportId));
    if (resolution === 'REPLACEMENT' && report.challengeId) {
      await tx
        .update(certificationCourses)
        .set({ servedChallengeId: null, servedAt: null })
        .where(and(eq(certificationCourses.id, report.courseId), eq(certificationCourses.servedChallengeId, report.challengeId)));
    }
    if (!(await hasOpenReport(tx, report.courseId))) await resume(tx, report.courseId, now);
  });
}

/**
 * The test goes on: the pause is added to the course's paused time, and a challenge still
 * served (resumed, not replaced) gets its own timer back by as much.
 */
async function resume(tx: Executor, courseId: string, now: Date): Promise<void> {
  const [course] = await tx.select().from(certificationCourses).where(eq(certificationCourses.id, courseId)).for('update');
  if (!course?.pausedAt) return;
  const pause = Math.max(0, now.getTime() - course.pausedAt.getTime());
  await tx
    .update(certificationCourses)
    .set({ pausedAt: null, pausedMs: course.pausedMs + pause, servedAt: course.servedAt ? new Date(course.servedAt.getTime() + pause) : null })
    .where(eq(certificationCourses.id, courseId));
}
