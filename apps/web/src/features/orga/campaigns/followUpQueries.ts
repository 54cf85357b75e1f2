import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityPage, ActivitySummary, CampaignRemindersSent, ReminderSent, ResultsPage, ResultsSummary } from '@jalon/contracts';
import { api } from '../../../api/client';
import { campaignKey } from './campaignQueries';

/** A query string with repeated keys for lists (`?divisions=3A&divisions=3B`), as the API reads them. */
function queryString(params: Record<string, string | number | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of [value].flat()) if (item !== undefined && item !== '') search.append(key, String(item));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

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
    queryFn: () => api.get<ActivityPage>(`/api/campaigns/${campaignId}/activity/participants${queryString({ ...filters, status: filters.status || undefined })}`),
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
    queryFn: () => api.get<ResultsPage>(`/api/campaigns/${campaignId}/results${queryString({ ...filters, certifiable: filters.certifiable || undefined })}`),
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

