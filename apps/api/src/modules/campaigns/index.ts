/**
 * Campaigns, Orga side: creation with frozen skills, lists, the campaign's settings,
 * archive, delete and duplicate. Other modules use these exports only.
 */
import type { AccessControl } from '../../platform/http/access';
import type { Db } from '../../platform/db/database';
import { organizationOfCampaign } from './campaigns.repository';

export { canManage, lockLiveCampaign } from './campaigns.repository';

export { campaignRoutes } from './routes';
export { CAMPAIGN_CODE_PATTERN, drawCampaignCode } from './code';
export { campaigns, campaignSkills, participationBadges, participations, snapshotKnowledgeElements } from './schema';

/** Org-scoped routes with a `:campaignId` reach their organization through this resolver. */
export function registerCampaignTenant(accessControl: AccessControl, db: Db): void {
  accessControl.registerTenantResolver('campaignId', (campaignId) => organizationOfCampaign(db, campaignId));
}
