import type { Release } from '@jalon/content';
import type { JuryCourse, JuryDecisionBody, JurySitting, JurySittingDetail } from '@jalon/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationCandidates, certificationSittings } from '../certification-centre/schema';
import { certificationAnswers, certificationCourses, certificationIssueReports } from '../certification-course/schema';
import { organizations } from '../organizations/schema';
import { automaticComment, challengesById, computeResult, isVoidedByJury } from './compute-result';
import { certificationResults } from './schema';

/**
 * The instance admins' jury (`certification.md` §3.6, §4): they review a finalised sitting,
 * neutralise answers, cancel a test for a technical incident, write comments, then publish.
 * Once published, a sitting's results no longer change.
 */

type SittingStatus = 'finalized' | 'published';

async function jurySittings(db: Executor, where: ReturnType<typeof eq>): Promise<JurySitting[]> {
  const sittings = await db
    .select({ sitting: certificationSittings, centreName: organizations.name })
    .from(certificationSittings)
    .innerJoin(organizations, eq(organizations.id, certificationSittings.centerId))
    .where(where)
    .orderBy(desc(certificationSittings.date), desc(certificationSittings.number));
  if (sittings.length === 0) return [];
  const ids = sittings.map((s) => s.sitting.id);
  const candidates = await db
    .select({ sittingId: certificationCandidates.sittingId, n: sql<number>`count(*)::int` })
    .from(certificationCandidates)
    .where(inArray(certificationCandidates.sittingId, ids))
    .groupBy(certificationCandidates.sittingId);
  const results = await db
    .select({ sittingId: certificationCourses.sittingId, status: certificationResults.status, n: sql<number>`count(*)::int` })
    .from(certificationResults)
    .innerJoin(certificationCourses, eq(certificationCourses.id, certificationResults.courseId))
    .where(inArray(certificationCourses.sittingId, ids))
    .groupBy(certificationCourses.sittingId, certificationResults.status);
  return sittings.map(({ sitting, centreName }) => {
    const counts = { started: 0, error: 0, validated: 0, rejected: 0, cancelled: 0 };
    for (const row of results) if (row.sittingId === sitting.id && row.status in counts) counts[row.status as keyof typeof counts] = row.n;
    return {
      id: sitting.id,
      number: sitting.number,
      centreName,
      date: sitting.date,
      time: sitting.time,
      room: sitting.room,
      status: sitting.status as SittingStatus,
      finalizedAt: sitting.finalizedAt?.toISOString() ?? null,
      finalizationComment: sitting.finalizationComment,
      publishedAt: sitting.publishedAt?.toISOString() ?? null,
      candidateCount: candidates.find((c) => c.sittingId === sitting.id)?.n ?? 0,
      results: counts,
    };
  });
}

export function listJurySittings(db: Executor, status: SittingStatus): Promise<JurySitting[]> {
  return jurySittings(db, eq(certificationSittings.status, status));
}

export async function jurySittingDetail(db: Executor, release: Release, sittingId: string): Promise<JurySittingDetail> {
  const [sitting] = await jurySittings(db, eq(certificationSittings.id, sittingId));
  // A sitting still running belongs to its centre: the jury sees it only once finalised.
  if (!sitting || (sitting.status !== 'finalized' && sitting.status !== 'published')) throw new AppError('SITTING_NOT_FOUND');
  const courses = await db
    .select({ course: certificationCourses, candidate: certificationCandidates, result: certificationResults })
    .from(certificationCourses)
    .innerJoin(certificationCandidates, eq(certificationCandidates.id, certificationCourses.candidateId))
    .leftJoin(certificationResults, eq(certificationResults.courseId, certificationCourses.id))
    .where(eq(certificationCourses.sittingId, sittingId))
    .orderBy(sql`${certificationCandidates.sortKey} collate "C"`, asc(certificationCourses.id));
  const courseIds = courses.map((c) => c.course.id);
  const answers = courseIds.length
    ? await db.select().from(certificationAnswers).where(inArray(certificationAnswers.courseId, courseIds)).orderBy(asc(certificationAnswers.position))
    : [];
  const reports = courseIds.length
    ? await db
        .select({ courseId: certificationIssueReports.courseId, n: sql<number>`count(*)::int` })
        .from(certificationIssueReports)
        .where(inArray(certificationIssueReports.courseId, courseIds))
        .groupBy(certificationIssueReports.courseId)
    : [];
  const challenges = challengesById(release);
  const competences = new Map(release.competences.map((c) => [c.id, c]));
  return {
    sitting,
    courses: courses.map(({ course, candidate, result }): JuryCourse => ({
      courseId: course.id,
      firstName: candidate.firstName,
      lastName: candidate.lastName,
      endReason: course.endReason,
      issueReportCount: reports.find((r) => r.courseId === course.id)?.n ?? 0,
      status: (result?.status ?? 'started') as JuryCourse['status'],
      pixScore: result?.pixScore ?? null,
      answerCount: result?.answerCount ?? 0,
      publicComment: result?.publicComment ?? null,
      internalComment: result?.internalComment ?? null,
      incidentAccepted: result?.incidentAccepted ?? false,
      automaticComment: result ? automaticComment(result) : null,
      answers: answers
        .filter((a) => a.courseId === course.id)
        .map((a) => {
          const competenceId = challenges.get(a.challengeId)?.competenceId;
          return {
            id: a.id,
            position: a.position,
            challengeId: a.challengeId,
            competenceIndex: (competenceId && competences.get(competenceId)?.index) || null,
            result: a.result,
            neutralized: a.neutralized,
          };
        }),
    })),
  };
}

/** The course's sitting, locked: a decision and a publication never cross. */
async function lockOpenSittingOf(tx: Executor, courseId: string) {
  const [row] = await tx
    .select({ status: certificationSittings.status })
    .from(certificationCourses)
    .innerJoin(certificationSittings, eq(certificationSittings.id, certificationCourses.sittingId))
    .where(eq(certificationCourses.id, courseId))
    .for('update', { of: certificationSittings });
  if (!row) throw new AppError('CERTIFICATION_COURSE_NOT_FOUND');
  if (row.status === 'published') throw new AppError('SITTING_ALREADY_PUBLISHED');
  if (row.status !== 'finalized') throw new AppError('SITTING_NOT_FINALIZED');
}

export interface JuryDeps {
  db: Db;
  release: Release;
}

/** Removes an answer from the estimation (or puts it back) and rescores the test. */
export async function setNeutralization(deps: JuryDeps, courseId: string, answerId: string, neutralized: boolean, now: Date) {
  return deps.db.transaction(async (tx) => {
    await lockOpenSittingOf(tx, courseId);
    const [answer] = await tx
      .update(certificationAnswers)
      .set({ neutralized })
      .where(and(eq(certificationAnswers.id, answerId), eq(certificationAnswers.courseId, courseId)))
      .returning({ id: certificationAnswers.id });
    if (!answer) throw new AppError('CERTIFICATION_ANSWER_NOT_FOUND');
    return computeResult(tx, courseId, now, deps.release);
  });
}

/**
 * The jury's decisions on one test: a technical incident accepted or not (rescoring it),
 * voiding it (or lifting that, rescoring it) and the comments; a field left out of the body
 * is left as it is.
 */
export async function decide(deps: JuryDeps, courseId: string, body: JuryDecisionBody, now: Date) {
  return deps.db.transaction(async (tx) => {
    await lockOpenSittingOf(tx, courseId);
    let [result] = await tx.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    // Finalisation scores every test; a missing row is rebuilt rather than refused.
    result ??= await computeResult(tx, courseId, now, deps.release);
    if (body.incidentAccepted !== undefined && body.incidentAccepted !== result.incidentAccepted) {
      const voided = isVoidedByJury(result);
      await tx
        .update(certificationResults)
        .set({ incidentAccepted: body.incidentAccepted, ...(voided ? {} : { status: 'started' }) })
        .where(eq(certificationResults.courseId, courseId));
      result = voided ? { ...result, incidentAccepted: body.incidentAccepted } : await computeResult(tx, courseId, now, deps.release);
    }
    if (body.cancelled === true && result.status !== 'cancelled') {
      [result] = await tx
        .update(certificationResults)
        .set({ status: 'cancelled', pixScore: null, capacity: null, competenceLevels: null, computedAt: now })
        .where(eq(certificationResults.courseId, courseId))
        .returning();
    } else if (body.cancelled === false && isVoidedByJury(result)) {
      // computeResult keeps a cancelled result cancelled: lifting it is rescoring from a neutral status.
      await tx.update(certificationResults).set({ status: 'started' }).where(eq(certificationResults.courseId, courseId));
      result = await computeResult(tx, courseId, now, deps.release);
    }
    const comments = {
      ...(body.publicComment !== undefined ? { publicComment: body.publicComment || null } : {}),
      ...(body.internalComment !== undefined ? { internalComment: body.internalComment || null } : {}),
    };
    if (Object.keys(comments).length > 0) {
      [result] = await tx.update(certificationResults).set(comments).where(eq(certificationResults.courseId, courseId)).returning();
    }
    return result!;
  });
}
