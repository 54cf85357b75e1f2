import { useMutation, useQuery } from '@tanstack/react-query';
import { api, query } from '../../../api/client';
import type { AdminChallengePreview, AdminChallengesPage, ChallengeCheckResponse } from '../../../api/types';

const challengesKey = ['admin', 'challenges'] as const;
const challengeUrl = (challengeId: string) => `/api/admin/challenges/${encodeURIComponent(challengeId)}`;

export function useAdminChallenges(search: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...challengesKey, { search, page, pageSize }],
    queryFn: () => api.get<AdminChallengesPage>(`/api/admin/challenges${query({ search, page, pageSize })}`),
    placeholderData: (previous) => previous,
  });
}

export function useChallengePreview(challengeId: string) {
  return useQuery({ queryKey: [...challengesKey, challengeId], queryFn: () => api.get<AdminChallengePreview>(challengeUrl(challengeId)) });
}

/** Grades an answer in the preview; nothing is recorded, so it is a mutation only in HTTP terms. */
export function useCheckAnswer(challengeId: string) {
  return useMutation({
    mutationFn: (answer: string | Record<string, string>) => api.post<ChallengeCheckResponse>(`${challengeUrl(challengeId)}/check`, { answer }),
  });
}
