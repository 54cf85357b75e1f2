import type { ConsoleCandidate, ConsoleState, SittingConsole } from '@jalon/contracts';
import type { Release } from '@jalon/content';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db, Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import {
  certificationAnswers,
  certificationCourses,
  certificationIssueReports,
  endCourseByInvigilator,
  endOverdueCoursesOfSitting,
  isOverdue,
  resolveIssueReport,
} from '../certification-course';
import { computeResult } from '../certification-results';
import { assertOpen, findCentreSitting, getSitting } from './sittings';
import { certificationCandidates, certificationSittings } from './schema';

type CourseRow = typeof certificationCourses.$inferSelect;

/**
 * The course as the console shows it at `now`: a test whose time ran out is finished
 * `TIMED_OUT` already, as the candidate's next request, the minute's sweep or the finalisation
 * will write it. The console's poll only reads, so it shows that ending without writing it.
 */
function courseAt(course: CourseRow | null, extraTimePercentage: number, now: Date): CourseRow | null {
  if (!course || course.endedAt || !isOverdue(course, extraTimePercentage, now)) return course;
  return { ...course, endedAt: now, endReason: 'TIMED_OUT', servedChallengeId: null, servedAt: null, pausedAt: null };
}

/** Where a candidate stands (`certification.md` §3): entry, authorisation, the test, a pause for a report. */
function stateOf(candidate: { userId: string | null; authorizedAt: Date | null }, course: CourseRow | null): ConsoleState {
  if (course?.endedAt) return 'FINISHED';
  if (course?.pausedAt) return 'PAUSED';
  if (course) return 'IN_PROGRESS';
  if (candidate.authorizedAt) return 'AUTHORIZED';
  if (candidate.userId) return 'WAITING_AUTHORIZATION';
  return 'NOT_STARTED';
}

/** The console's live list, read again by the page every few seconds: it writes nothing. */
export async function sittingConsole(executor: Executor, organizationId: string, sittingId: string, now: Date): Promise<SittingConsole> {
  const sitting = await getSitting(executor, organizationId, sittingId);
  const rows = await executor
    .select({ candidate: certificationCandidates, course: certificationCourses })
    .from(certificationCandidates)
    .leftJoin(certificationCourses, eq(certificationCourses.candidateId, certificationCandidates.id))
    .where(eq(certificationCandidates.sittingId, sittingId))
    .orderBy(sql`${certificationCandidates.sortKey} collate "C"`, asc(certificationCandidates.id));
  const courseIds = rows.flatMap((r) => (r.course ? [r.course.id] : []));
  const answerCounts = new Map<string, number>();
  const reports = new Map<string, ConsoleCandidate['openReports']>();
  if (courseIds.length > 0) {
    const counted = await executor
      .select({ courseId: certificationAnswers.courseId, n: count() })
      .from(certificationAnswers)
      .where(inArray(certificationAnswers.courseId, courseIds))
      .groupBy(certificationAnswers.courseId);
    for (const row of counted) answerCounts.set(row.courseId, Number(row.n));
    const open = await executor
      .select()
      .from(certificationIssueReports)
      .where(and(inArray(certificationIssueReports.courseId, courseIds), isNull(certificationIssueReports.resolvedAt)))
      .orderBy(asc(certificationIssueReports.createdAt));
    for (const report of open) {
      const list = reports.get(report.courseId) ?? [];
      list.push({ id: report.id, category: report.category, description: report.description, createdAt: report.createdAt.toISOString() });
      reports.set(report.courseId, list);
    }
  }
  const candidates: ConsoleCandidate[] = rows.map(({ candidate, course: stored }) => {
    const course = courseAt(stored, candidate.extraTimePercentage, now);
    const state = stateOf(candidate, course);
    const answerCount = course ? (answerCounts.get(course.id) ?? 0) : 0;
    return {
      id: candidate.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      extraTimePercentage: candidate.extraTimePercentage,
      accessibilityAdjustmentNeeded: candidate.accessibilityAdjustmentNeeded,
      state,
      courseId: course?.id ?? null,
      answerCount,
      questionNumber: state === 'IN_PROGRESS' || state === 'PAUSED' ? answerCount + 1 : null,
      endReason: (course?.endReason ?? null) as ConsoleCandidate['endReason'],
      openReports: course ? (reports.get(course.id) ?? []) : [],
    };
  });
  const running = candidates.some((c) => c.state === 'IN_PROGRESS' || c.state === 'PAUSED');
  return { sitting, candidates, canFinalize: sitting.status === 'created' && !running };
}

/**
 * « Finaliser la session » (`certification.md` §3.6): the tests whose time ran out end
 * `TIMED_OUT` first; refused while another test runs; then every test of the sitting is
 * scored, and the sitting waits for an instance admin to publish it, all in one transaction.
 * The sitting row stays locked meanwhile, so no test starts (the start locks it too) and
 * a second click waits, then finds it finalised.
 */
export async function finalizeSitting(
  tx: Tx,
  deps: { clock: Clock; release: Release },
  input: { organizationId: string; sittingId: string; userId: string; comment: string },
): Promise<void> {
  const sitting = await findCentreSitting(tx, input.organizationId, input.sittingId, true);
  assertOpen(sitting);
  const now = deps.clock.now();
  await endOverdueCoursesOfSitting(tx, sitting.id, now);
  const courses = await tx.select().from(certificationCourses).where(eq(certificationCourses.sittingId, sitting.id));
  if (courses.some((course) => course.endedAt === null)) throw new AppError('SITTING_HAS_TESTS_IN_PROGRESS');
  for (const course of courses) await computeResult(tx, course.id, now, deps.release);
  await tx
    .update(certificationSittings)
    .set({ status: 'finalized', finalizedAt: now, finalizedBy: input.userId, finalizationComment: input.comment || null, updatedAt: now })
    .where(eq(certificationSittings.id, sitting.id));
}

/** The course of a candidate of this centre's sitting; `CANDIDATE_NOT_FOUND` otherwise. */
async function courseOfCandidate(executor: Executor, input: { organizationId: string; sittingId: string; candidateId: string }): Promise<string | null> {
  await findCentreSitting(executor, input.organizationId, input.sittingId);
  const [row] = await executor
    .select({ candidateId: certificationCandidates.id, courseId: certificationCourses.id })
    .from(certificationCandidates)
    .leftJoin(certificationCourses, eq(certificationCourses.candidateId, certificationCandidates.id))
    .where(and(eq(certificationCandidates.id, input.candidateId), eq(certificationCandidates.sittingId, input.sittingId)));
  if (!row) throw new AppError('CANDIDATE_NOT_FOUND');
  return row.courseId;
}

/** « Terminer le test »: the test module ends and scores it (`CERTIFICATION_COURSE_ENDED` if it already ended). */
export async function endTest(
  db: Db,
  deps: { clock: Clock; release: Release },
  input: { organizationId: string; sittingId: string; candidateId: string },
): Promise<void> {
  const courseId = await courseOfCandidate(db, input);
  if (!courseId) throw new AppError('CERTIFICATION_COURSE_NOT_FOUND');
  await endCourseByInvigilator(db, courseId, deps.clock.now(), deps.release);
}

/** A reported problem, answered by a replacement question or by letting the candidate resume. */
export async function resolveReport(
  db: Db,
  clock: Clock,
  input: { organizationId: string; sittingId: string; reportId: string; resolution: 'REPLACEMENT' | 'RESUME'; userId: string },
): Promise<void> {
  await findCentreSitting(db, input.organizationId, input.sittingId);
  const [report] = await db
    .select({ id: certificationIssueReports.id })
    .from(certificationIssueReports)
    .innerJoin(certificationCourses, eq(certificationCourses.id, certificationIssueReports.courseId))
    .where(and(eq(certificationIssueReports.id, input.reportId), eq(certificationCourses.sittingId, input.sittingId)));
  if (!report) throw new AppError('ISSUE_REPORT_NOT_FOUND');
  await resolveIssueReport(db, report.id, input.resolution, input.userId, clock.now());
}
