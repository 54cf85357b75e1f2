import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** Archive (true) or unarchive (false); the page and the lists then show the new state. */
export function useSetArchived(campaign: Pick<Campaign, 'id' | 'organizationId'>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api.post<Campaign>(`/api/campaigns/${campaign.id}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: async (next) => {
      client.setQueryData(campaignKey(next.id), next);
      await client.invalidateQueries({ queryKey: campaignListKey(next.organizationId) });
    },
  });
}
