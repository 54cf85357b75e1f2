import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LearnerClasses, LearnerDetail, LearnersDeleted, LearnersPage } from '@jalon/contracts';
import { api, query } from '../../../api/client';

/** Every learner query of the organization; pupil-account actions and imports refresh them through this prefix. */
export const learnersKey = (organizationId: string) => ['organizations', organizationId, 'learners'] as const;

export interface LearnerFilters {
  page: number;
  pageSize: number;
  search: string;
  divisions: string[];
  groups: string[];
  loginMethod: string;
  certifiability: string;
  disabled: string;
  sort: string;
  order: string;
}

export function useLearners(organizationId: string, filters: LearnerFilters) {
  return useQuery({
    queryKey: [...learnersKey(organizationId), 'list', filters],
    queryFn: () => api.get<LearnersPage>(`/api/organizations/${organizationId}/learners${query({ ...filters })}`),
    placeholderData: keepPreviousData,
  });
}

export function useLearnerClasses(organizationId: string) {
  return useQuery({
    queryKey: [...learnersKey(organizationId), 'classes'],
    queryFn: () => api.get<LearnerClasses>(`/api/organizations/${organizationId}/learners/classes`),
  });
}

export function useLearner(organizationId: string, learnerId: string) {
  return useQuery({
    queryKey: [...learnersKey(organizationId), 'detail', learnerId],
    queryFn: () => api.get<LearnerDetail>(`/api/organizations/${organizationId}/learners/${learnerId}`),
  });
}

export function useDeleteLearners(organizationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (learnerIds: string[]) => api.post<LearnersDeleted>(`/api/organizations/${organizationId}/learners/delete`, { learnerIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnersKey(organizationId) }),
  });
}

export function useUpdateStudentNumber(organizationId: string, learnerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (studentNumber: string) => api.patch<LearnerDetail>(`/api/organizations/${organizationId}/learners/${learnerId}`, { studentNumber }),
    onSuccess: () => client.invalidateQueries({ queryKey: learnersKey(organizationId) }),
  });
}
