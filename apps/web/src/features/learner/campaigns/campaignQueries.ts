import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignLanding, ReconciliationBody, ReconciliationResponse, StartParticipationBody, StartParticipationResponse } from '@jalon/contracts';
import { api } from '../../../api/client';

export const landingKey = (code: string) => ['campaign-landing', code] as const;

/** The landing page, readable signed out; `me` is filled once the learner signs in. */
export function useCampaignLanding(code: string, enabled = true) {
  return useQuery({
    queryKey: landingKey(code),
    enabled,
    queryFn: () => api.get<CampaignLanding>(`/api/campaigns/by-code/${encodeURIComponent(code)}`),
  });
}

export function useReconciliation(campaignId: string) {
  return useMutation({
    mutationFn: (input: ReconciliationBody) => api.post<ReconciliationResponse>(`/api/campaigns/${campaignId}/reconciliation`, input),
  });
}

export function useStartParticipation(campaignId: string, code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<StartParticipationBody>) => api.post<StartParticipationResponse>(`/api/campaigns/${campaignId}/participations`, body),
    // Every page that shows this learner's participation changes with a start, retry or reset.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: landingKey(code) }),
        client.invalidateQueries({ queryKey: ['campaign-results', campaignId] }),
        client.invalidateQueries({ queryKey: ['profile-collection', campaignId] }),
        client.invalidateQueries({ queryKey: ['me'], predicate: (query) => query.queryKey.length > 1 }),
      ]),
  });
}
