import type { Release } from '@jalon/content';
import { INSUFFICIENT_ANSWERS_COMMENT, MINIMUM_CERTIFICATION_ANSWERS, scoreCertification, type AnswerResult } from '@jalon/engine';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationAnswers, certificationCourses } from '../certification-course/schema';
import { certificationResults } from './schema';
import { drawVerificationCode } from './verification-code';

export type CertificationResultRow = typeof certificationResults.$inferSelect;

/** The comment the CSV shows for a rejection the jury did not comment on (`certification.md` §4). */
export function automaticComment(result: Pick<CertificationResultRow, 'status' | 'answerCount'>): string | null {
  return result.status === 'rejected' && result.answerCount < MINIMUM_CERTIFICATION_ANSWERS ? INSUFFICIENT_ANSWERS_COMMENT : null;
}

/** The release never changes while the process runs: its challenges are indexed once, not at each scoring. */
const challengeIndexes = new WeakMap<Release, ReadonlyMap<string, Release['challenges'][number]>>();
export function challengesById(release: Release): ReadonlyMap<string, Release['challenges'][number]> {
  let index = challengeIndexes.get(release);
  if (!index) {
    index = new Map(release.challenges.map((c) => [c.id, c]));
    challengeIndexes.set(release, index);
  }
  return index;
}

const ANSWER_RESULTS: ReadonlySet<string> = new Set<AnswerResult>(['ok', 'ko', 'aband', 'timedout', 'focusedOut']);

/**
 * A result the jury voided: cancelled, and not merely by scoring a short test whose
 * interruption the jury put down to a technical incident (rescoring decides that one again).
 */
export function isVoidedByJury(result: Pick<CertificationResultRow, 'status' | 'incidentAccepted' | 'answerCount'>): boolean {
  return result.status === 'cancelled' && !(result.incidentAccepted && result.answerCount < MINIMUM_CERTIFICATION_ANSWERS);
}

/**
 * Scores one certification test from its answers and writes its result row, replacing the
 * previous one (`certification.md` §4): called when the test ends, for every test at the
 * sitting's finalisation, and after each jury decision. Neutralised answers are left out,
 * and the jury's technical-incident decision is applied. A result the jury voided stays
 * cancelled whatever the answers. Scoring that throws leaves the status `error` for support.
 * The verification code, once drawn, never changes.
 */
export async function computeResult(db: Executor, courseId: string, now: Date, release: Release): Promise<CertificationResultRow> {
  const [course] = await db.select().from(certificationCourses).where(eq(certificationCourses.id, courseId));
  if (!course) throw new AppError('CERTIFICATION_COURSE_NOT_FOUND');
  const answers = await db.select().from(certificationAnswers).where(eq(certificationAnswers.courseId, courseId)).orderBy(asc(certificationAnswers.position));
  const [existing] = await db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
  const scored = answers.filter((answer) => !answer.neutralized);

  let outcome: Pick<CertificationResultRow, 'status' | 'pixScore' | 'capacity' | 'competenceLevels'>;
  if (course.endedAt === null) {
    outcome = { status: 'started', pixScore: null, capacity: null, competenceLevels: null };
  } else if (existing && isVoidedByJury(existing)) {
    outcome = { status: 'cancelled', pixScore: null, capacity: null, competenceLevels: null };
  } else {
    try {
      const challenges = challengesById(release);
      const score = scoreCertification({
        answers: scored.map((answer) => {
          const challenge = challenges.get(answer.challengeId);
          if (!challenge?.irt) throw new Error(`challenge ${answer.challengeId} has no IRT parameters in release ${release.id}`);
          if (!ANSWER_RESULTS.has(answer.result)) throw new Error(`unknown answer result ${answer.result}`);
          return { challengeId: answer.challengeId, result: answer.result as AnswerResult, competenceId: challenge.competenceId, irt: challenge.irt };
        }),
        completed: course.endReason === 'COMPLETED',
        incidentAccepted: existing?.incidentAccepted ?? false,
        competenceIds: release.competences.filter((c) => c.origin === 'jalon').map((c) => c.id),
      });
      // A cancelled test has no score at all (`certification.md` §5: « - »), not a score of 0.
      outcome =
        score.status === 'cancelled'
          ? { status: 'cancelled', pixScore: null, capacity: null, competenceLevels: null }
          : { status: score.status, pixScore: score.pixScore, capacity: String(score.capacity), competenceLevels: score.competenceLevels };
    } catch {
      outcome = { status: 'error', pixScore: null, capacity: null, competenceLevels: null };
    }
  }

  const values = { ...outcome, answerCount: scored.length, computedAt: now };
  if (existing) {
    const [row] = await db.update(certificationResults).set(values).where(eq(certificationResults.courseId, courseId)).returning();
    return row!;
  }
  const [row] = await db
    .insert(certificationResults)
    .values({ courseId, ...values, verificationCode: await unusedVerificationCode(db) })
    .returning();
  return row!;
}

async function unusedVerificationCode(db: Executor): Promise<string> {
  // 31⁸ codes: a clash is rare enough that a few draws always find a free one.
  for (;;) {
    const code = drawVerificationCode();
    const [taken] = await db.select({ code: certificationResults.verificationCode }).from(certificationResults).where(eq(certificationResults.verificationCode, code));
    if (!taken) return code;
  }
}
