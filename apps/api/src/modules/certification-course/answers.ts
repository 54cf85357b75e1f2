import type { CertificationAnswerBody, CertificationAnswerResponse, CertificationIssueReportBody } from '@jalon/contracts';
import { checkAnswer, epochMs } from '@jalon/engine';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { chooseNext, currentCourse, endCourse, extendedTimer, markEnded, nextStep, scoreEndedCourse, stepOf, type CourseContext, type CourseDeps } from './course';
import { certificationAnswers, certificationCourses, certificationIssueReports } from './schema';

/**
 * Records the answer to the served challenge and serves the next one in the same
 * transaction, so the test never rests between the two. The same challenge's answer sent
 * again (a double click, a retried request) returns the first one's id and the current step.
 * `admit` (the rate limit) runs first in the transaction, so a refused answer leaves nothing.
 */
export async function recordAnswer(
  deps: CourseDeps,
  input: { courseId: string; userId: string; body: CertificationAnswerBody; admit(tx: Tx): Promise<void> },
): Promise<CertificationAnswerResponse> {
  const ctx = await currentCourse(deps, input.courseId, input.userId);
  const { body } = input;
  const previous = ctx.answers.find((a) => a.challengeId === body.challengeId);
  if (previous) return { answerId: previous.id, step: await stepOf(deps, ctx, input) };
  if (ctx.course.endedAt) throw new AppError('CERTIFICATION_COURSE_ENDED');
  if (ctx.course.pausedAt) throw new AppError('CERTIFICATION_COURSE_PAUSED');
  if (ctx.course.servedChallengeId !== body.challengeId) throw new AppError('CHALLENGE_NOT_SERVED', { pointer: '/challengeId' });

  const now = deps.clock.now();
  const servedAt = ctx.course.servedAt ?? ctx.course.startedAt;
  const checkable = deps.content.checkable(body.challengeId);
  const checked = checkAnswer(
    checkable.timer === undefined ? checkable : { ...checkable, timer: extendedTimer(checkable.timer, ctx.extraTimePercentage) },
    body.skipped ? { skipped: true } : { value: body.value ?? '' },
    { askedAt: epochMs(servedAt.getTime()), receivedAt: epochMs(now.getTime()), focusedOut: body.focusedOut, certification: true },
  );
  if (!checked.accepted) throw new AppError(checked.rejection, { pointer: '/value' });
  const value = body.skipped ? '#ABAND#' : typeof body.value === 'string' ? body.value : JSON.stringify(body.value ?? {});

  const recorded = await deps.db.transaction(async (tx) => {
    await input.admit(tx);
    const [row] = await tx
      .insert(certificationAnswers)
      .values({
        courseId: ctx.course.id,
        challengeId: body.challengeId,
        position: ctx.answers.length + 1,
        value,
        result: checked.result,
        timeSpentMs: now.getTime() - servedAt.getTime(),
        answeredAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    const after: CourseContext = { ...ctx, answers: [...ctx.answers, row] };
    const next = chooseNext(deps, after);
    if (!next) return { answer: row, ended: await markEnded(tx, ctx.course.id, 'COMPLETED', now) };
    await tx
      .update(certificationCourses)
      .set({ servedChallengeId: next, servedAt: now })
      .where(and(eq(certificationCourses.id, ctx.course.id), isNull(certificationCourses.endedAt)));
    return { answer: row, ended: false };
  });
  // A concurrent copy of this answer (or of another position) won: answer as the test now stands.
  if (!recorded) return recordAnswer(deps, input);
  if (recorded.ended) await scoreEndedCourse(deps.db, deps.content.release, ctx.course.id, now);
  return { answerId: recorded.answer.id, step: await nextStep(deps, input) };
}

/**
 * « Signaler un problème »: the report goes to the invigilator's console and the test pauses
 * until it is resolved (the served challenge stays served, and the clock keeps running).
 */
export async function reportIssue(deps: CourseDeps, input: { courseId: string; userId: string; body: CertificationIssueReportBody }) {
  const ctx = await currentCourse(deps, input.courseId, input.userId);
  if (ctx.course.endedAt) throw new AppError('CERTIFICATION_COURSE_ENDED');
  const challengeId = input.body.challengeId ?? ctx.course.servedChallengeId;
  if (challengeId && !deps.content.challenge(challengeId)) throw new AppError('CHALLENGE_NOT_FOUND', { pointer: '/challengeId' });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [report] = await tx
      .insert(certificationIssueReports)
      .values({ courseId: ctx.course.id, challengeId, category: input.body.category, description: input.body.description || null, createdAt: now })
      .returning();
    await tx
      .update(certificationCourses)
      .set({ pausedAt: now })
      .where(and(eq(certificationCourses.id, ctx.course.id), isNull(certificationCourses.pausedAt), isNull(certificationCourses.endedAt)));
    return { id: report!.id, category: input.body.category, createdAt: now.toISOString() };
  });
}

/** The candidate ends their test (after a confirmation on the page); ending twice is harmless. */
export async function endByCandidate(deps: CourseDeps, input: { courseId: string; userId: string }) {
  const ctx = await currentCourse(deps, input.courseId, input.userId);
  if (!ctx.course.endedAt) await endCourse(deps.db, deps.content.release, ctx.course.id, 'CANDIDATE', deps.clock.now());
}
