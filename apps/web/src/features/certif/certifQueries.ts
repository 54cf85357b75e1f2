import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Candidate, CandidateValues, Candidates, Roster, Sitting, SittingConsole, SittingsPage, SittingValues } from '@jalon/contracts';
import { api, query } from '../../api/client';

/** The console's live list is read again this often (`certification.md` §3: live alerts). */
export const CONSOLE_POLL_MS = 5_000;

const centreBase = (organizationId: string) => `/api/organizations/${organizationId}/certification/sittings`;
const sittingBase = (organizationId: string, sittingId: string) => `${centreBase(organizationId)}/${sittingId}`;

export const sittingsKey = (organizationId: string) => ['certif', organizationId, 'sittings'] as const;
export const sittingKey = (organizationId: string, sittingId: string) => [...sittingsKey(organizationId), sittingId] as const;

export function useSittings(organizationId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...sittingsKey(organizationId), 'list', page, pageSize],
    queryFn: () => api.get<SittingsPage>(`${centreBase(organizationId)}${query({ page, pageSize })}`),
  });
}

export function useSitting(organizationId: string, sittingId: string) {
  return useQuery({ queryKey: sittingKey(organizationId, sittingId), queryFn: () => api.get<Sitting>(sittingBase(organizationId, sittingId)) });
}

export function useSaveSitting(organizationId: string, sittingId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: SittingValues) =>
      sittingId ? api.patch<Sitting>(sittingBase(organizationId, sittingId), values) : api.post<Sitting>(centreBase(organizationId), values),
    onSuccess: () => client.invalidateQueries({ queryKey: sittingsKey(organizationId) }),
  });
}

export function useCandidates(organizationId: string, sittingId: string) {
  return useQuery({
    queryKey: [...sittingKey(organizationId, sittingId), 'candidates'],
    queryFn: () => api.get<Candidates>(`${sittingBase(organizationId, sittingId)}/candidates`),
  });
}

/** Every write on a sitting changes its candidate count, its list and its console. */
function useSittingMutation<V, R>(organizationId: string, sittingId: string, run: (base: string, values: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: V) => run(sittingBase(organizationId, sittingId), values),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: sittingsKey(organizationId) });
    },
  });
}

export const useEnrolByHand = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, values: CandidateValues) => api.post<Candidate>(`${base}/candidates`, values));

export const useEnrolFromRoster = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, organizationLearnerIds: string[]) =>
    api.post<Candidates>(`${base}/candidates/from-roster`, { organizationLearnerIds }),
  );

export const useRemoveCandidate = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, candidateId: string) => api.delete(`${base}/candidates/${candidateId}`));

export function useRoster(organizationId: string, sittingId: string, division: string) {
  return useQuery({
    queryKey: [...sittingKey(organizationId, sittingId), 'roster', division],
    queryFn: () => api.get<Roster>(`${sittingBase(organizationId, sittingId)}/roster${query({ division })}`),
  });
}

export function useConsole(organizationId: string, sittingId: string, live: boolean) {
  return useQuery({
    queryKey: [...sittingKey(organizationId, sittingId), 'console'],
    queryFn: () => api.get<SittingConsole>(`${sittingBase(organizationId, sittingId)}/console`),
    refetchInterval: live ? CONSOLE_POLL_MS : false,
  });
}

export const useAuthorize = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, candidateId: string) => api.post<SittingConsole>(`${base}/candidates/${candidateId}/authorize`));

export const useEndTest = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, candidateId: string) => api.post<SittingConsole>(`${base}/candidates/${candidateId}/end`));

export const useResolveReport = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, values: { reportId: string; resolution: 'REPLACEMENT' | 'RESUME' }) =>
    api.post<SittingConsole>(`${base}/issue-reports/${values.reportId}/resolve`, { resolution: values.resolution }),
  );

export const useFinalize = (organizationId: string, sittingId: string) =>
  useSittingMutation(organizationId, sittingId, (base, comment: string) => api.post<Sitting>(`${base}/finalize`, { comment }));
