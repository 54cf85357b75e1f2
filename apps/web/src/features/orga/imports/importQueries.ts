import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LatestLearnerImport, LearnerImport, LearnerImportMode, LearnerImportSettings } from '@jalon/contracts';
import { LEARNER_IMPORT_RUNNING_STATUSES } from '@jalon/contracts';
import { api, query, uploadFile } from '../../../api/client';

/** How often the banner asks for news while an import runs: often enough for a smooth bar, rare enough for 2 cores. */
const POLL_WHILE_RUNNING_MS = 1000;

export const latestImportKey = (organizationId: string) => ['organizations', organizationId, 'learner-imports', 'latest'] as const;

export function isRunning(learnerImport: Pick<LearnerImport, 'status'>): boolean {
  return (LEARNER_IMPORT_RUNNING_STATUSES as readonly string[]).includes(learnerImport.status);
}

/** The latest import of the organization, polled until it ends. */
export function useLatestImport(organizationId: string) {
  return useQuery({
    queryKey: latestImportKey(organizationId),
    queryFn: () => api.get<LatestLearnerImport>(`/api/organizations/${organizationId}/learner-imports/latest`),
    refetchInterval: (current) => {
      const latest = current.state.data?.import;
      return latest && isRunning(latest) ? POLL_WHILE_RUNNING_MS : false;
    },
  });
}

export function useImportSettings(organizationId: string) {
  return useQuery({
    queryKey: ['organizations', organizationId, 'learner-imports', 'settings'],
    queryFn: () => api.get<LearnerImportSettings>(`/api/organizations/${organizationId}/learner-imports/settings`),
    staleTime: Infinity,
  });
}

export function templateUrl(organizationId: string): string {
  return `/api/organizations/${organizationId}/learner-imports/template`;
}

/** Sends the file as the raw body; `onProgress` gets the share sent (0–1) for the upload bar. */
export function useUploadImport(organizationId: string, onProgress: (share: number) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, mode }: { file: File; mode: LearnerImportMode | undefined }) =>
      uploadFile<{ import: LearnerImport }>(`/api/organizations/${organizationId}/learner-imports${query({ fileName: file.name, mode })}`, file, onProgress),
    onSuccess: (result) => {
      client.setQueryData<LatestLearnerImport>(latestImportKey(organizationId), { import: result.import });
    },
  });
}
