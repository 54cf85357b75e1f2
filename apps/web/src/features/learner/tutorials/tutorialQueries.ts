import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LearnerTutorial } from '@jalon/contracts';
import { api } from '../../../api/client';

export const TUTORIALS_KEY = ['me', 'tutorials'] as const;

export interface MyTutorials {
  saved: LearnerTutorial[];
  recommended: LearnerTutorial[];
}

export function useMyTutorials() {
  return useQuery({ queryKey: TUTORIALS_KEY, queryFn: () => api.get<MyTutorials>('/api/me/tutorials') });
}

/** « Enregistrer » / « Retirer »: the list of « Mes tutos » is read again afterwards. */
export function useSaveTutorial() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ tutorialId, save }: { tutorialId: string; save: boolean }) =>
      save ? api.put(`/api/me/tutorials/${encodeURIComponent(tutorialId)}`) : api.delete(`/api/me/tutorials/${encodeURIComponent(tutorialId)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: TUTORIALS_KEY }),
  });
}
