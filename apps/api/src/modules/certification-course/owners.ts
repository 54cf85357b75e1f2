import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import type { AccessControl } from '../../platform/http/access';
import { certificationCandidates } from '../certification-centre';
import { certificationCourses } from './schema';

/** A candidate's course, and the candidate row once entered, belong to their account: refusals on another's are logged. */
export function registerCertificationOwners(accessControl: AccessControl, db: Db): void {
  accessControl.registerOwnerResolver('courseId', async (id) => {
    const [row] = await db.select({ userId: certificationCourses.userId }).from(certificationCourses).where(eq(certificationCourses.id, id));
    return row?.userId ?? null;
  });
  accessControl.registerOwnerResolver('candidateId', async (id) => {
    const [row] = await db.select({ userId: certificationCandidates.userId }).from(certificationCandidates).where(eq(certificationCandidates.id, id));
    return row?.userId ?? null;
  });
}
