import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JuryDecisionBody, JurySittingDetail, JurySittings } from '@jalon/contracts';
import { api, query } from '../../../api/client';

const juryKey = ['admin', 'certification-sittings'] as const;

export function useJurySittings(status: 'finalized' | 'published') {
  return useQuery({ queryKey: [...juryKey, status], queryFn: () => api.get<JurySittings>(`/api/admin/certification-sittings${query({ status })}`) });
}

export function useJurySitting(sittingId: string) {
  return useQuery({ queryKey: [...juryKey, 'detail', sittingId], queryFn: () => api.get<JurySittingDetail>(`/api/admin/certification-sittings/${sittingId}`) });
}

/** Every jury action changes counts on the list and figures on the sitting: both are read again. */
function useJuryMutation<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: juryKey }) });
}

export function usePublishSitting(sittingId: string) {
  return useJuryMutation(() => api.post(`/api/admin/certification-sittings/${sittingId}/publication`));
}

export function useNeutralization(courseId: string) {
  return useJuryMutation(({ answerId, neutralized }: { answerId: string; neutralized: boolean }) =>
    api.put(`/api/admin/certification-courses/${courseId}/answers/${answerId}/neutralization`, { neutralized }),
  );
}

export function useJuryDecision(courseId: string) {
  return useJuryMutation((body: JuryDecisionBody) => api.patch(`/api/admin/certification-courses/${courseId}/result`, body));
}
