import type { MyCampaign } from '../profile/profileQueries';
import { campaignPaths } from '../campaigns/campaignJourney';

/** Where a campaign of « Mes parcours » continues: the test (through the landing), or the page that sends. */
export function continuePath(item: MyCampaign): string {
  const paths = campaignPaths(item.campaign.code);
  if (item.participation.status === 'STARTED') return paths.landing;
  return item.campaign.type === 'PROFILES_COLLECTION' ? paths.profileCollection : paths.results;
}

export const isUnsent = (item: MyCampaign) => item.participation.status === 'TO_SHARE';
