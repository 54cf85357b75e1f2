import type { CampaignDeps, CampaignInput } from './create-campaign';
import { insertCampaign } from './create-campaign';
import { findLiveCampaign } from './campaigns.repository';

const NAME_MAX = 255;

/**
 * « Dupliquer » (§4.4): the same settings under « Copie de {name} » and a new code. It goes
 * through creation again, so the copy's skills are frozen from today's release and its
 * profile must still be available; the caller becomes its creator and owner.
 */
export async function duplicateCampaign(deps: CampaignDeps, input: { campaignId: string; userId: string }): Promise<string> {
  return deps.db.transaction(async (tx) => {
    const source = await findLiveCampaign(tx, input.campaignId);
    const body: CampaignInput = {
      type: source.type as CampaignInput['type'],
      name: `Copie de ${source.name}`.slice(0, NAME_MAX),
      targetProfileId: source.targetProfileId,
      title: source.title,
      customLandingPageText: source.customLandingPageText,
      customResultPageText: source.customResultPageText,
      customResultPageButtonText: source.customResultPageButtonText,
      customResultPageButtonUrl: source.customResultPageButtonUrl,
      externalIdLabel: source.externalIdLabel,
      externalIdType: source.externalIdType as CampaignInput['externalIdType'],
      multipleSendings: source.multipleSendings,
      ownerId: input.userId,
    };
    return insertCampaign(tx, deps, { organizationId: source.organizationId, creatorId: input.userId, body });
  });
}
