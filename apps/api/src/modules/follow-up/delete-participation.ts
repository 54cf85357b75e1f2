import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { MembershipContext } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { canManage, lockLiveCampaign, participations } from '../campaigns';

/**
 * « Supprimer la participation » (owner or ADMIN, `campaigns-and-participation.md` §2): the
 * learner's every participation in the campaign is soft-deleted, earlier sendings included,
 * so no older result resurfaces in « Résultats » once the current one is gone. The learner
 * may join again later.
 */
export async function deleteParticipation(
  deps: { db: Db; clock: Clock },
  input: { campaignId: string; participationId: string; userId: string; membership: MembershipContext },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const campaign = await lockLiveCampaign(tx, input.campaignId);
    if (!canManage(campaign, input.userId, input.membership)) throw new AppError('PARTICIPATION_DELETE_FORBIDDEN');
    const [participation] = await tx
      .select({ organizationLearnerId: participations.organizationLearnerId })
      .from(participations)
      .where(and(eq(participations.id, input.participationId), eq(participations.campaignId, campaign.id), isNull(participations.deletedAt)));
    if (!participation) throw new AppError('PARTICIPATION_NOT_FOUND');
    const now = deps.clock.now();
    await tx
      .update(participations)
      .set({ deletedAt: now, deletedBy: input.userId, updatedAt: now })
      .where(
        and(
          eq(participations.campaignId, campaign.id),
          eq(participations.organizationLearnerId, participation.organizationLearnerId),
          isNull(participations.deletedAt),
        ),
      );
  });
}
