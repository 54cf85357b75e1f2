import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompetenceDetails, MyCampaigns, Profile } from '@jalon/contracts';
import { api } from '../../../api/client';

export const PROFILE_KEY = ['me', 'profile'] as const;
export const MY_CAMPAIGNS_KEY = ['me', 'campaigns'] as const;

export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: () => api.get<Profile>('/api/me/profile') });
}

export type MyCampaign = MyCampaigns['items'][number];

/** « Mes parcours », also read by the home page for its « résultats à envoyer » banner. */
export function useMyCampaigns() {
  return useQuery({ queryKey: MY_CAMPAIGNS_KEY, queryFn: () => api.get<MyCampaigns>('/api/me/campaigns') });
}

/** « Commencer », « Reprendre » or « Retenter » a self-evaluation: the API answers with the test to open. */
export function useStartSelfEvaluation() {
  return useMutation({
    mutationFn: (competenceId: string) => api.post<{ assessmentId: string }>(`/api/competences/${encodeURIComponent(competenceId)}/evaluations`),
  });
}

const detailsKey = (competenceId: string) => ['me', 'competences', competenceId] as const;

/** A competence's description, tutorials and whether « Remettre à zéro » is open. */
export function useCompetenceDetails(competenceId: string) {
  return useQuery({ queryKey: detailsKey(competenceId), queryFn: () => api.get<CompetenceDetails>(`/api/me/competences/${encodeURIComponent(competenceId)}`) });
}

/** « Remettre à zéro »: then the profile and the page read afresh. */
export function useResetCompetence(competenceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/competences/${encodeURIComponent(competenceId)}/reset`),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: PROFILE_KEY }), client.invalidateQueries({ queryKey: detailsKey(competenceId) })]);
    },
  });
}
