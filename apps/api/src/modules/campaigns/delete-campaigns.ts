import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import type { MembershipContext } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { assertCanManage } from './campaigns.repository';
import type { CampaignDeps } from './create-campaign';
import { campaigns, participations } from './schema';

/**
 * Deletes campaigns of one organization (§4.4), one or a selection: all or none. The row
 * stays so that its code is never drawn again, but its name and texts are blanked, and its
 * participations are soft-deleted and stripped of the identifier the learner typed.
 */
export async function deleteCampaigns(
  deps: Pick<CampaignDeps, 'db' | 'clock'>,
  input: { organizationId: string; campaignIds: string[]; userId: string; membership: MembershipContext },
): Promise<void> {
  const ids = [...new Set(input.campaignIds)];
  await deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: campaigns.id, ownerId: campaigns.ownerId })
      .from(campaigns)
      .where(and(inArray(campaigns.id, ids), eq(campaigns.organizationId, input.organizationId), isNull(campaigns.deletedAt)))
      .for('update');
    if (rows.length !== ids.length) throw new AppError('CAMPAIGN_NOT_FOUND');
    for (const row of rows) assertCanManage(row, input.userId, input.membership);
    await softDelete(tx, ids, input.userId, deps.clock.now());
  });
}

async function softDelete(tx: Tx, campaignIds: string[], userId: string, now: Date): Promise<void> {
  await tx
    .update(campaigns)
    .set({
      name: '',
      title: null,
      customLandingPageText: null,
      customResultPageText: null,
      customResultPageButtonText: null,
      customResultPageButtonUrl: null,
      externalIdLabel: null,
      deletedAt: now,
      deletedBy: userId,
      updatedAt: now,
    })
    .where(inArray(campaigns.id, campaignIds));
  await tx
    .update(participations)
    .set({ deletedAt: now, deletedBy: userId, participantExternalId: null, updatedAt: now })
    .where(and(inArray(participations.campaignId, campaignIds), isNull(participations.deletedAt)));
}
