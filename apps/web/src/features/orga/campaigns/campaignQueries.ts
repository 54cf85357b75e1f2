import { useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignsPage } from '@jalon/contracts';
import { api, query } from '../../../api/client';

export interface CampaignFilters {
  search: string;
  ownerId: string;
  status: 'ACTIVE' | 'ARCHIVED';
  page: number;
  pageSize: number;
}

export const campaignListKey = (organizationId: string) => ['organizations', organizationId, 'campaigns'] as const;
export const campaignKey = (campaignId: string) => ['campaigns', campaignId] as const;

export function useCampaigns(organizationId: string, filters: CampaignFilters) {
  return useQuery({
    queryKey: [...campaignListKey(organizationId), filters],
    queryFn: () =>
      api.get<CampaignsPage>(
        `/api/organizations/${organizationId}/campaigns${query({ ...filters, ownerId: filters.ownerId || undefined })}`,
      ),
    placeholderData: (previous) => previous,
  });
}

export function useCampaign(campaignId: string) {
  return useQuery({
    queryKey: campaignKey(campaignId),
    queryFn: () => api.get<Campaign>(`/api/campaigns/${campaignId}`),
  });
}
