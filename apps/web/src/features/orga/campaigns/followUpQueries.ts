import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityPage, ActivitySummary, CampaignRemindersSent, ReminderSent, ResultsPage, ResultsSummary } from '@jalon/contracts';
import { api, query } from '../../../api/client';
import { campaignKey } from './campaignQueries';

export interface ActivityFilters {
  page: number;
  pageSize: number;
  status: string;
  divisions: string[];
  groups: string[];
  search: string;
}

export interface ResultsFilters {
  page: number;
  pageSize: number;
  divisions: string[];
  groups: string[];
  badges: string[];
  missingBadges: string[];
  stages: string[];
  certifiable: string;
  search: string;
}

export function useActivitySummary(campaignId: string) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'activity'],
    queryFn: () => api.get<ActivitySummary>(`/api/campaigns/${campaignId}/activity`),
  });
}

export function useActivityPage(campaignId: string, filters: ActivityFilters) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'activity', 'participants', filters],
    queryFn: () => api.get<ActivityPage>(`/api/campaigns/${campaignId}/activity/participants${query({ ...filters, status: filters.status || undefined })}`),
    placeholderData: keepPreviousData,
  });
}

export function useResultsSummary(campaignId: string) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'results'],
    queryFn: () => api.get<ResultsSummary>(`/api/campaigns/${campaignId}/results/summary`),
  });
}

export function useResultsPage(campaignId: string, filters: ResultsFilters) {
  return useQuery({
    queryKey: [...campaignKey(campaignId), 'results', 'rows', filters],
    queryFn: () => api.get<ResultsPage>(`/api/campaigns/${campaignId}/results${query({ ...filters, certifiable: filters.certifiable || undefined })}`),
    placeholderData: keepPreviousData,
  });
}

/** Deletes a learner's participations; every figure of the campaign (header counts included) is read again. */
export function useDeleteParticipation(campaignId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (participationId: string) => api.delete(`/api/campaigns/${campaignId}/participations/${participationId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: campaignKey(campaignId) }),
  });
}

/** « Relancer » one learner: banner and mail now, at most once a day. */
export function useRemindParticipation(campaignId: string) {
  return useMutation({
    mutationFn: (participationId: string) => api.post<ReminderSent>(`/api/campaigns/${campaignId}/participations/${participationId}/reminders`),
  });
}

/** « Relancer » every learner still expected, or those of the classes and groups filtered. */
export function useRemindCampaign(campaignId: string) {
  return useMutation({
    mutationFn: (classes: { divisions: string[] }) => api.post<CampaignRemindersSent>(`/api/campaigns/${campaignId}/reminders`, classes),
  });
}

