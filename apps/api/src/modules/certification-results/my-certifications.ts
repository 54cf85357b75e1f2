import type { Release } from '@jalon/content';
import type { Certificate, MyCertification } from '@jalon/contracts';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationSittings } from '../certification-centre/schema';
import { certificationCourses } from '../certification-course/schema';
import { organizations } from '../organizations/schema';
import { HAS_CERTIFICATE, resultRows, toCertificate } from './certificates';
import { certificationResults } from './schema';

/**
 * « Mes certifications » (`certification.md` §6): a test still running first (the candidate
 * can go back to it), then every test the learner took, « En attente de résultats » until its
 * sitting is published. A result in error also waits: support has to act before anything is shown.
 */
export async function myCertifications(db: Executor, userId: string): Promise<MyCertification[]> {
  const running = await db
    .select({ courseId: certificationCourses.id, date: certificationSittings.date, centreName: organizations.name })
    .from(certificationCourses)
    .innerJoin(certificationSittings, eq(certificationSittings.id, certificationCourses.sittingId))
    .innerJoin(organizations, eq(organizations.id, certificationSittings.centerId))
    .where(and(eq(certificationCourses.userId, userId), isNull(certificationCourses.endedAt)));
  const rows = await resultRows(db, eq(certificationCourses.userId, userId)).orderBy(desc(certificationSittings.date), desc(certificationResults.courseId));
  const started = running.map((course): MyCertification => ({ ...course, status: 'started', pixScore: null, verificationCode: null }));
  return [...started, ...rows.map((row) => {
    const shown = row.sittingStatus === 'published' && (row.status === 'validated' || row.status === 'rejected' || row.status === 'cancelled');
    const status = shown ? (row.status as MyCertification['status']) : 'pending';
    return {
      courseId: row.courseId,
      date: row.date,
      centreName: row.centreName,
      status,
      pixScore: status === 'validated' ? (row.pixScore ?? 0) : status === 'rejected' ? 0 : null,
      verificationCode: status === 'validated' ? row.verificationCode : null,
    };
  })];
}

/** The learner's own certificate; any other course answers like an unknown one. */
export async function myCertificate(db: Executor, release: Release, userId: string, courseId: string): Promise<Certificate> {
  const [row] = await resultRows(db, and(eq(certificationResults.courseId, courseId), eq(certificationCourses.userId, userId), HAS_CERTIFICATE));
  if (!row) throw new AppError('CERTIFICATE_NOT_FOUND');
  return toCertificate(row, release);
}

/** The public verification: only a validated, published certificate answers (`certification.md` §6). */
export async function certificateByCode(db: Executor, release: Release, code: string): Promise<Certificate> {
  const [row] = await resultRows(db, and(eq(certificationResults.verificationCode, code.trim().toUpperCase()), HAS_CERTIFICATE));
  if (!row) throw new AppError('CERTIFICATE_NOT_FOUND');
  return toCertificate(row, release);
}
