import type { Release } from '@jalon/content';
import { CERTIFICATION_BASE_MINUTES, type CertificationIssueResolution } from '@jalon/contracts';
import { TIMER_GRACE_MS } from '@jalon/engine';
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationCandidates } from '../certification-centre/schema';
import { computeResult } from '../certification-results';
import { endCourse, endIfOverdue, hasOpenReport, isOverdue } from './course';
import { certificationCourses, certificationIssueReports } from './schema';

/**
 * « Terminer le test » in the console: ends a running test and scores it. The caller has
 * checked that the course belongs to its centre. An ended test stays as it ended, and so does
 * one whose time ran out before the click: the console already showed it finished, so it ends
 * `TIMED_OUT` now and the click is refused like on any ended test.
 */
export async function endCourseByInvigilator(db: Db, courseId: string, now: Date, release: Release): Promise<void> {
  const [course] = await db
    .select({ course: certificationCourses, extra: certificationCandidates.extraTimePercentage })
    .from(certificationCourses)
    .innerJoin(certificationCandidates, eq(certificationCandidates.id, certificationCourses.candidateId))
    .where(eq(certificationCourses.id, courseId));
  if (!course) throw new AppError('CERTIFICATION_COURSE_NOT_FOUND');
  if (course.course.endedAt) throw new AppError('CERTIFICATION_COURSE_ENDED');
  if (isOverdue(course.course, course.extra, now)) {
    await endCourse(db, release, courseId, 'TIMED_OUT', now);
    throw new AppError('CERTIFICATION_COURSE_ENDED');
  }
  await endCourse(db, release, courseId, 'INVIGILATOR', now);
}

/**
 * The periodic job's sweep: ends `TIMED_OUT` and scores, each in its own transaction, the
 * tests of every sitting whose time is up while their candidate sent nothing since (a closed
 * laptop), so results and « Mes certifications » do not wait for a request that may never
 * come. Several processes may sweep at once: a course ends under its row lock, once, and only
 * the sweep that ended it scores it. Returns how many it ended.
 */
export async function endOverdueCourses(db: Db, now: Date, release: Release): Promise<number> {
  // No test ends before 105 minutes (plus the grace) after its start: older running tests are
  // the only ones worth reading; extra and paused time are judged per course, under its lock.
  const earliestDeadline = new Date(now.getTime() - CERTIFICATION_BASE_MINUTES * 60_000 - TIMER_GRACE_MS);
  const candidates = await db
    .select({ id: certificationCourses.id })
    .from(certificationCourses)
    .where(and(isNull(certificationCourses.endedAt), isNull(certificationCourses.pausedAt), lt(certificationCourses.startedAt, earliestDeadline)))
    .orderBy(asc(certificationCourses.startedAt));
  let ended = 0;
  for (const { id } of candidates) {
    const endedNow = await db.transaction(async (tx) => {
      if (!(await endIfOverdue(tx, id, now))) return false;
      await computeResult(tx, id, now, release);
      return true;
    });
    if (endedNow) ended++;
  }
  return ended;
}

/**
 * Finalisation's part, in its transaction: the sitting's tests whose time is up end `TIMED_OUT`
 * before the check that none is running, so a closed laptop never blocks the sitting. The
 * finalisation scores every course afterwards.
 */
export async function endOverdueCoursesOfSitting(tx: Tx, sittingId: string, now: Date): Promise<void> {
  const running = await tx
    .select({ id: certificationCourses.id })
    .from(certificationCourses)
    .where(and(eq(certificationCourses.sittingId, sittingId), isNull(certificationCourses.endedAt)));
  for (const { id } of running) await endIfOverdue(tx, id, now);
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
