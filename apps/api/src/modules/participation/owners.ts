import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import type { AccessControl } from '../../platform/http/access';
import { assessments } from '../assessment';
import { participations } from '../campaigns/schema';

/** A pupil's participations and assessments belong to their account: refusals on another's are logged. */
export function registerLearnerOwners(accessControl: AccessControl, db: Db): void {
  accessControl.registerOwnerResolver('participationId', async (id) => {
    const [row] = await db.select({ userId: participations.userId }).from(participations).where(eq(participations.id, id));
    return row?.userId ?? null;
  });
  accessControl.registerOwnerResolver('assessmentId', async (id) => {
    const [row] = await db.select({ userId: assessments.userId }).from(assessments).where(eq(assessments.id, id));
    return row?.userId ?? null;
  });
}
