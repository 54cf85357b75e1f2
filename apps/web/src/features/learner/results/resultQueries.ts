import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignResults, MyParticipation, ProfileCollection } from '@jalon/contracts';
import { api } from '../../../api/client';
import { landingKey } from '../campaigns/campaignQueries';
import { MY_CAMPAIGNS_KEY } from '../profile/profileQueries';

export const resultsKey = (campaignId: string) => ['campaign-results', campaignId] as const;
export const collectionKey = (campaignId: string) => ['profile-collection', campaignId] as const;

export function useCampaignResults(campaignId: string) {
  return useQuery({ queryKey: resultsKey(campaignId), queryFn: () => api.get<CampaignResults>(`/api/campaigns/${campaignId}/my-results`) });
}

export function useProfileCollection(campaignId: string) {
  return useQuery({ queryKey: collectionKey(campaignId), queryFn: () => api.get<ProfileCollection>(`/api/campaigns/${campaignId}/my-profile-collection`) });
}

/** « J'envoie mes résultats » / « J'envoie mon profil »: everything that shows the sending state is read again. */
export function useShareParticipation(campaignId: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (participationId: string) => api.post<MyParticipation>(`/api/participations/${participationId}/share`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: resultsKey(campaignId) }),
        client.invalidateQueries({ queryKey: collectionKey(campaignId) }),
        client.invalidateQueries({ queryKey: landingKey(code) }),
        client.invalidateQueries({ queryKey: MY_CAMPAIGNS_KEY }),
      ]),
  });
}

/** « Retenter les questions échouées » before sending: a new test within the same participation. */
export function useImproveParticipation(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (participationId: string) => api.post<MyParticipation>(`/api/participations/${participationId}/improve`),
    onSuccess: () => client.invalidateQueries({ queryKey: resultsKey(campaignId) }),
  });
}
