import {
  CERTIFICATION_BASE_MINUTES,
  CERTIFICATION_MAX_ANSWERS,
  type CertificationCourse,
  type CertificationEndReason,
  type CertificationStep,
  type RunnerChallenge,
} from '@jalon/contracts';
import { assessmentSeedFromId, CERTIFICATION_FLASH, createRandom, nextFlashStep, TIMER_GRACE_MS, type ChallengeId } from '@jalon/engine';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Release } from '@jalon/content';
import type { Clock } from '../../platform/clock';
import type { Db, Executor, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import type { ContentIndex } from '../assessment';
import { certificationCandidates } from '../certification-centre/schema';
import { computeResult } from '../certification-results';
import { certificationBank } from './bank';
import { certificationAnswers, certificationCourses, certificationIssueReports } from './schema';

export interface CourseDeps {
  db: Db;
  clock: Clock;
  content: ContentIndex;
  /** The learner's view of a challenge (the admin preview's, without solution). */
  learnerChallenge(challengeId: string): Omit<RunnerChallenge, 'optionOrder'>;
}

type CourseRow = typeof certificationCourses.$inferSelect;
type AnswerRow = typeof certificationAnswers.$inferSelect;

/** One course as a step of the test needs it: the candidate's adjustments, answers, and what the sitting excluded. */
export interface CourseContext {
  course: CourseRow;
  extraTimePercentage: number;
  accessibilityAdjustmentNeeded: boolean;
  answers: AnswerRow[];
  /** Skills whose challenge got a REPLACEMENT anywhere in the sitting: never served again in it. */
  excludedSkills: Set<string>;
}

const MINUTE_MS = 60_000;

/** What the test's clock reads of a course. */
type CourseClock = Pick<CourseRow, 'startedAt' | 'pausedAt' | 'pausedMs'>;

/**
 * 105 minutes × (1 + extra time / 100) from the start (`certification.md` §3), plus the time
 * spent waiting for the invigilator after a reported problem: the clock stops while paused,
 * so a paused test's deadline moves with `now`.
 */
export function courseDeadline(course: CourseClock, extraTimePercentage: number, now: Date): Date {
  const paused = course.pausedMs + (course.pausedAt ? Math.max(0, now.getTime() - course.pausedAt.getTime()) : 0);
  return new Date(course.startedAt.getTime() + Math.round(CERTIFICATION_BASE_MINUTES * MINUTE_MS * (1 + extraTimePercentage / 100)) + paused);
}

/**
 * Whether a test's time is up, after the same network grace as a timed challenge: an answer
 * sent in the last second still counts.
 */
export function isOverdue(course: CourseClock, extraTimePercentage: number, now: Date): boolean {
  return now.getTime() > courseDeadline(course, extraTimePercentage, now).getTime() + TIMER_GRACE_MS;
}

/** Reads a course of the user: another user's course does not exist for them. */
export async function loadCourse(executor: Executor, content: ContentIndex, courseId: string, userId: string | null): Promise<CourseContext> {
  const [row] = await executor
    .select({ course: certificationCourses, extra: certificationCandidates.extraTimePercentage, accessibility: certificationCandidates.accessibilityAdjustmentNeeded })
    .from(certificationCourses)
    .innerJoin(certificationCandidates, eq(certificationCandidates.id, certificationCourses.candidateId))
    .where(eq(certificationCourses.id, courseId));
  if (!row || (userId !== null && row.course.userId !== userId)) throw new AppError('CERTIFICATION_COURSE_NOT_FOUND');
  const answers = await executor.select().from(certificationAnswers).where(eq(certificationAnswers.courseId, courseId)).orderBy(asc(certificationAnswers.position));
  const replaced = await executor
    .select({ challengeId: certificationIssueReports.challengeId })
    .from(certificationIssueReports)
    .innerJoin(certificationCourses, eq(certificationCourses.id, certificationIssueReports.courseId))
    .where(and(eq(certificationCourses.sittingId, row.course.sittingId), eq(certificationIssueReports.resolution, 'REPLACEMENT'), isNotNull(certificationIssueReports.challengeId)));
  const excludedSkills = new Set<string>();
  for (const { challengeId } of replaced) {
    const skill = challengeId ? content.challenge(challengeId)?.skillId : undefined;
    if (skill) excludedSkills.add(skill);
  }
  return { course: row.course, extraTimePercentage: row.extra, accessibilityAdjustmentNeeded: row.accessibility, answers, excludedSkills };
}

export function courseView(ctx: CourseContext, now: Date): CertificationCourse {
  const { course } = ctx;
  return {
    id: course.id,
    state: course.endedAt ? 'ended' : course.pausedAt ? 'paused' : 'started',
    answerCount: ctx.answers.length,
    maxAnswers: CERTIFICATION_MAX_ANSWERS,
    startedAt: course.startedAt.toISOString(),
    endsAt: courseDeadline(course, ctx.extraTimePercentage, now).toISOString(),
    now: now.toISOString(),
    extraTimePercentage: ctx.extraTimePercentage,
    accessibilityAdjustmentNeeded: ctx.accessibilityAdjustmentNeeded,
    endReason: (course.endReason as CertificationEndReason | null) ?? null,
  };
}

/**
 * Ends a course once, whoever asks first (the last answer, the clock, the candidate, the
 * invigilator); returns whether this call ended it. The result is computed by the caller
 * once the ending is committed (see {@link scoreEndedCourse}).
 */
export async function markEnded(executor: Executor, courseId: string, reason: CertificationEndReason, now: Date): Promise<boolean> {
  const ended = await executor
    .update(certificationCourses)
    .set({ endedAt: now, endReason: reason, servedChallengeId: null, servedAt: null, pausedAt: null })
    .where(and(eq(certificationCourses.id, courseId), isNull(certificationCourses.endedAt)))
    .returning({ id: certificationCourses.id });
  return ended.length > 0;
}

/**
 * Ends `TIMED_OUT` a course whose time is up, reading it under its row lock so that an answer,
 * a pause or another process's sweep committed meanwhile is seen; false when it had ended or
 * still has time. The caller's transaction scores it, or not (finalisation scores every course).
 */
export async function endIfOverdue(tx: Tx, courseId: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ course: certificationCourses, extra: certificationCandidates.extraTimePercentage })
    .from(certificationCourses)
    .innerJoin(certificationCandidates, eq(certificationCandidates.id, certificationCourses.candidateId))
    .where(eq(certificationCourses.id, courseId))
    .for('update', { of: certificationCourses });
  if (!row || row.course.endedAt || !isOverdue(row.course, row.extra, now)) return false;
  return markEnded(tx, courseId, 'TIMED_OUT', now);
}

/** The result is written by the results module; a failure there leaves the course ended and the result to recompute. */
export async function scoreEndedCourse(db: Db, release: Release, courseId: string, now: Date): Promise<void> {
  await computeResult(db, courseId, now, release);
}

/** Ends a course and scores it; false when it had already ended. */
export async function endCourse(db: Db, release: Release, courseId: string, reason: CertificationEndReason, now: Date): Promise<boolean> {
  const ended = await markEnded(db, courseId, reason, now);
  if (ended) await scoreEndedCourse(db, release, courseId, now);
  return ended;
}

/** A course whose time is up ends `TIMED_OUT` at the first request that notices it. */
async function expireIfLate(deps: CourseDeps, ctx: CourseContext): Promise<CourseContext> {
  if (ctx.course.endedAt) return ctx;
  const now = deps.clock.now();
  if (!isOverdue(ctx.course, ctx.extraTimePercentage, now)) return ctx;
  await endCourse(deps.db, deps.content.release, ctx.course.id, 'TIMED_OUT', now);
  return loadCourse(deps.db, deps.content, ctx.course.id, null);
}

/** Loads the user's course, ending it first if its time is up. */
export async function currentCourse(deps: CourseDeps, courseId: string, userId: string): Promise<CourseContext> {
  return expireIfLate(deps, await loadCourse(deps.db, deps.content, courseId, userId));
}

/** QCU/QCM options in an order seeded by (course, challenge): stable across reloads, different between candidates. */
function optionOrder(courseId: string, challenge: Omit<RunnerChallenge, 'optionOrder'>): number[] | null {
  if (!challenge.shuffled || challenge.answerArea.kind !== 'options') return null;
  const order = challenge.answerArea.options.map((_, i) => i + 1);
  const random = createRandom(assessmentSeedFromId(`${courseId}/${challenge.id}`));
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function challengeStep(deps: CourseDeps, ctx: CourseContext, challengeId: string, servedAt: Date): CertificationStep {
  const view = deps.learnerChallenge(challengeId);
  const timer = view.timer === undefined ? undefined : extendedTimer(view.timer, ctx.extraTimePercentage);
  return {
    kind: 'challenge',
    challenge: { ...view, ...(timer === undefined ? {} : { timer }), optionOrder: optionOrder(ctx.course.id, view) },
    position: ctx.answers.length + 1,
    answerCount: ctx.answers.length,
    servedAt: servedAt.toISOString(),
  };
}

/** A timed challenge's seconds with the candidate's extra time (`beyond-the-reference.md` §5). */
export function extendedTimer(seconds: number, extraTimePercentage: number): number {
  return Math.ceil((seconds * (100 + extraTimePercentage)) / 100);
}

function endStep(ctx: CourseContext): CertificationStep {
  return { kind: 'end', answerCount: ctx.answers.length, reason: (ctx.course.endReason as CertificationEndReason | null) ?? 'COMPLETED' };
}

/**
 * The engine's choice after the answers as read: the certification IRT configuration over
 * the bank minus what this candidate may not get (inaccessible challenges when adjustments
 * are needed, skills replaced in the sitting). Answered challenges stay in the pool given
 * to the engine, so their tube and competence count even if their skill was excluded later.
 */
export function chooseNext(deps: CourseDeps, ctx: CourseContext): ChallengeId | null {
  if (ctx.answers.length >= CERTIFICATION_MAX_ANSWERS) return null;
  const answered = new Set(ctx.answers.map((a) => a.challengeId));
  const challenges = certificationBank(deps.content).filter(
    (c) => answered.has(c.id) || ((!ctx.accessibilityAdjustmentNeeded || c.accessible) && !ctx.excludedSkills.has(c.skillId)),
  );
  const step = nextFlashStep(
    {
      challenges,
      answers: ctx.answers.map((a) => ({ challengeId: a.challengeId as ChallengeId, ok: a.result === 'ok' })),
      assessmentSeed: assessmentSeedFromId(ctx.course.id),
    },
    CERTIFICATION_FLASH,
  );
  return step.kind === 'challenge' ? step.challengeId : null;
}

/**
 * What the candidate sees now: the end, the pause, the challenge already served (a reload
 * shows it again), or a newly chosen one. Concurrent requests choose once: only a course
 * serving nothing takes a new challenge.
 */
export async function nextStep(deps: CourseDeps, input: { courseId: string; userId: string }): Promise<CertificationStep> {
  const ctx = await currentCourse(deps, input.courseId, input.userId);
  return stepOf(deps, ctx, input);
}

export async function stepOf(deps: CourseDeps, ctx: CourseContext, input: { courseId: string; userId: string }): Promise<CertificationStep> {
  const { course } = ctx;
  if (course.endedAt) return endStep(ctx);
  if (course.pausedAt) return { kind: 'paused', answerCount: ctx.answers.length };
  if (course.servedChallengeId) return challengeStep(deps, ctx, course.servedChallengeId, course.servedAt ?? course.startedAt);
  const chosen = chooseNext(deps, ctx);
  const now = deps.clock.now();
  if (!chosen) {
    if (await endCourse(deps.db, deps.content.release, course.id, 'COMPLETED', now)) {
      return endStep({ ...ctx, course: { ...course, endedAt: now, endReason: 'COMPLETED' } });
    }
    return nextStep(deps, input);
  }
  const served = await deps.db
    .update(certificationCourses)
    .set({ servedChallengeId: chosen, servedAt: now })
    .where(and(eq(certificationCourses.id, course.id), isNull(certificationCourses.servedChallengeId), isNull(certificationCourses.endedAt), isNull(certificationCourses.pausedAt)))
    .returning({ id: certificationCourses.id });
  // Another request served, paused or ended the course meanwhile: show what it decided.
  if (served.length === 0) return nextStep(deps, input);
  return challengeStep(deps, ctx, chosen, now);
}

/** An open (unresolved) report keeps the test paused: the candidate waits for the invigilator. */
export async function hasOpenReport(executor: Executor, courseId: string): Promise<boolean> {
  const open = await executor
    .select({ id: certificationIssueReports.id })
    .from(certificationIssueReports)
    .where(and(eq(certificationIssueReports.courseId, courseId), isNull(certificationIssueReports.resolvedAt)))
    .limit(1);
  return open.length > 0;
}

