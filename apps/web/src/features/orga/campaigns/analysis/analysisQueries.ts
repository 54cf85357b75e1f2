import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignAnalysis, CollectiveResults, LearnerActivity, ParticipantAnalysis, ParticipantPage } from '@jalon/contracts';
import { api, query } from '../../../../api/client';
import { campaignKey } from '../campaignQueries';

export interface ClassFilter {
  divisions: string[];
  groups: string[];
}

export function useCampaignAnalysis(campaignId: string, filter: ClassFilter, enabled = true) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'analysis', filter],
    queryFn: () => api.get<CampaignAnalysis>(`/api/campaigns/${campaignId}/analysis${query({ ...filter })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCollectiveResults(campaignId: string, filter: ClassFilter, enabled = true) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'collective', filter],
    queryFn: () => api.get<CollectiveResults>(`/api/campaigns/${campaignId}/collective-results${query({ ...filter })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useParticipantPage(campaignId: string, participationId: string) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'participations', participationId],
    queryFn: () => api.get<ParticipantPage>(`/api/campaigns/${campaignId}/participations/${participationId}`),
  });
}

export function useParticipantAnalysis(campaignId: string, participationId: string) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'participations', participationId, 'analysis'],
    queryFn: () => api.get<ParticipantAnalysis>(`/api/campaigns/${campaignId}/participations/${participationId}/analysis`),
  });
}

export function useLearnerActivity(organizationId: string, organizationLearnerId: string) {
  return useQuery({
    queryKey: ['organizations', organizationId, 'learners', organizationLearnerId, 'activity'],
    queryFn: () => api.get<LearnerActivity>(`/api/organizations/${organizationId}/learners/${organizationLearnerId}/activity`),
    // The organization comes with the campaign, which may still be on its way.
    enabled: organizationId !== '',
  });
}
