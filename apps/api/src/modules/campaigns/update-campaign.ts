import type { OrganizationFeature, UpdateCampaignBody } from '@jalon/contracts';
import { eq } from 'drizzle-orm';
import type { MembershipContext } from '../../platform/http/access';
import { AppError, type AppErrorItem } from '../../platform/http/errors';
import { findOrganization } from '../organizations';
import { externalId, multipleSendingsErrors, ownerErrors, resultButtonErrors, textOrNull } from './campaign-rules';
import { assertCanManage, hasParticipations, lockLiveCampaign } from './campaigns.repository';
import type { CampaignDeps } from './create-campaign';
import { campaigns } from './schema';

/**
 * « Paramètres » (§4.2, after creation): the texts, the result button and the owner stay
 * editable; the external id and multiple sendings only while nobody has joined, since
 * learners already answered under the old rules. Type, profile and code never change.
 */
export async function updateCampaign(
  deps: Pick<CampaignDeps, 'db' | 'clock'>,
  input: { campaignId: string; userId: string; membership: MembershipContext; body: UpdateCampaignBody },
): Promise<void> {
  const { body } = input;
  await deps.db.transaction(async (tx) => {
    const campaign = await lockLiveCampaign(tx, input.campaignId);
    assertCanManage(campaign, input.userId, input.membership);

    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const title = textOrNull(pick(body.title, campaign.title));
    const buttonText = textOrNull(pick(body.customResultPageButtonText, campaign.customResultPageButtonText));
    const buttonUrl = textOrNull(pick(body.customResultPageButtonUrl, campaign.customResultPageButtonUrl));
    const ownerId = pick(body.ownerId, campaign.ownerId);
    const multipleSendings = pick(body.multipleSendings, campaign.multipleSendings);
    const external = externalId(
      textOrNull(pick(body.externalIdLabel, campaign.externalIdLabel)),
      pick(body.externalIdType, campaign.externalIdType as 'STRING' | 'EMAIL' | null),
    );

    const joinRulesChange =
      multipleSendings !== campaign.multipleSendings ||
      external.externalIdLabel !== campaign.externalIdLabel ||
      external.externalIdType !== campaign.externalIdType;
    if (joinRulesChange && (await hasParticipations(tx, campaign.id))) {
      throw new AppError('CAMPAIGN_HAS_PARTICIPATIONS', { pointer: multipleSendings !== campaign.multipleSendings ? '/multipleSendings' : '/externalIdLabel' });
    }

    const features: readonly OrganizationFeature[] = (await findOrganization(tx, campaign.organizationId))?.features ?? [];
    const errors: AppErrorItem[] = [];
    if (campaign.type === 'PROFILES_COLLECTION' && title) errors.push({ code: 'CAMPAIGN_TITLE_NOT_ALLOWED', pointer: '/title' });
    errors.push(...resultButtonErrors(buttonText, buttonUrl));
    if (multipleSendings !== campaign.multipleSendings) errors.push(...multipleSendingsErrors(campaign.type, multipleSendings, features));
    if (ownerId !== campaign.ownerId) errors.push(...(await ownerErrors(tx, campaign.organizationId, ownerId)));
    if (errors.length > 0) throw AppError.many(errors);

    await tx
      .update(campaigns)
      .set({
        name: pick(body.name, campaign.name),
        title,
        customLandingPageText: textOrNull(pick(body.customLandingPageText, campaign.customLandingPageText)),
        customResultPageText: textOrNull(pick(body.customResultPageText, campaign.customResultPageText)),
        customResultPageButtonText: buttonText,
        customResultPageButtonUrl: buttonUrl,
        ...external,
        multipleSendings,
        ownerId,
        updatedAt: deps.clock.now(),
      })
      .where(eq(campaigns.id, campaign.id));
  });
}
