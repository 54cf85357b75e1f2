import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedTutorials } from '@jalon/contracts';
import { api } from '../../../api/client';

export const TUTORIALS_KEY = ['me', 'tutorials'] as const;

export function useMyTutorials() {
  return useQuery({ queryKey: TUTORIALS_KEY, queryFn: () => api.get<SavedTutorials>('/api/me/tutorials') });
}

/** « Utile »: the API also keeps the tutorial in « Mes tutos ». */
export function useTutorialHelpful() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tutorialId: string) => api.patch(`/api/me/tutorials/${encodeURIComponent(tutorialId)}`, { helpful: true }),
    onSuccess: () => client.invalidateQueries({ queryKey: TUTORIALS_KEY }),
  });
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
