import { eq } from 'drizzle-orm';
import type { MembershipContext } from '../../platform/http/access';
import { assertCanManage, lockLiveCampaign } from './campaigns.repository';
import type { CampaignDeps } from './create-campaign';
import { campaigns } from './schema';

/**
 * Archiving closes the campaign to new joins, starts and sendings while its results stay
 * readable (§4.4); unarchiving reopens it. Both are idempotent: the first archive date is kept.
 */
export async function setArchived(
  deps: Pick<CampaignDeps, 'db' | 'clock'>,
  input: { campaignId: string; userId: string; membership: MembershipContext; archived: boolean },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const campaign = await lockLiveCampaign(tx, input.campaignId);
    assertCanManage(campaign, input.userId, input.membership);
    if ((campaign.archivedAt !== null) === input.archived) return;
    const now = deps.clock.now();
    await tx
      .update(campaigns)
      .set({ archivedAt: input.archived ? now : null, updatedAt: now })
      .where(eq(campaigns.id, campaign.id));
  });
}
