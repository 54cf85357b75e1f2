import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { certificationSittings } from '../certification-centre/schema';

/**
 * Makes a finalised sitting's results visible to candidates, schools and the verification
 * page (`certification.md` §3.6). Only an instance admin calls it; a sitting is published once.
 */
export async function publishSitting(db: Executor, sittingId: string, adminUserId: string, now: Date): Promise<{ publishedAt: Date }> {
  const [sitting] = await db.select({ status: certificationSittings.status }).from(certificationSittings).where(eq(certificationSittings.id, sittingId));
  if (!sitting) throw new AppError('SITTING_NOT_FOUND');
  if (sitting.status === 'published') throw new AppError('SITTING_ALREADY_PUBLISHED');
  if (sitting.status !== 'finalized') throw new AppError('SITTING_NOT_FINALIZED');
  // The status in the condition: of two admins publishing at once, one wins and the other is told.
  const [published] = await db
    .update(certificationSittings)
    .set({ status: 'published', publishedAt: now, publishedBy: adminUserId, updatedAt: now })
    .where(and(eq(certificationSittings.id, sittingId), eq(certificationSittings.status, 'finalized')))
    .returning({ publishedAt: certificationSittings.publishedAt });
  if (!published?.publishedAt) throw new AppError('SITTING_ALREADY_PUBLISHED');
  return { publishedAt: published.publishedAt };
}
