import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CredentialsAction, PupilAccount, PupilAccountWithPassword } from '@jalon/contracts';
import { CREDENTIALS_UNTOUCHED_HEADER, CREDENTIALS_UPDATED_HEADER } from '@jalon/contracts/constants';
import { api } from '../../../api/client';

const accountPath = (organizationId: string, learnerId: string) => `/api/organizations/${organizationId}/learners/${learnerId}/account`;

export const pupilAccountKey = (organizationId: string, learnerId: string) => ['organizations', organizationId, 'pupil-accounts', learnerId] as const;
/** Every learner query of the organization: lists show login methods and the blocked flag, which these actions change. */
const learnersKey = (organizationId: string) => ['organizations', organizationId, 'learners'] as const;

export function usePupilAccount(organizationId: string, learnerId: string) {
  return useQuery({
    queryKey: pupilAccountKey(organizationId, learnerId),
    queryFn: () => api.get<PupilAccount>(accountPath(organizationId, learnerId)),
  });
}

export type AccountAction = 'create' | 'username' | 'temporary-password' | 'unblock';

const ACTION_PATH: Record<AccountAction, string> = {
  create: '',
  username: '/username',
  'temporary-password': '/temporary-password',
  unblock: '/unblock',
};

/** One « Gérer le compte » action; the answer carries the account as it now is, and a temporary password when one was set. */
export function useAccountAction(organizationId: string, learnerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: AccountAction) => api.post<PupilAccountWithPassword>(`${accountPath(organizationId, learnerId)}${ACTION_PATH[action]}`),
    onSuccess: (result) => {
      client.setQueryData(pupilAccountKey(organizationId, learnerId), result.account);
      void client.invalidateQueries({ queryKey: learnersKey(organizationId) });
    },
  });
}

export interface CredentialsOutcome {
  updated: number;
  untouched: number;
}

/** Saves a file the browser holds in memory, as a download link would. */
function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function useBulkCredentials(organizationId: string, fallbackFileName: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, learnerIds }: { action: CredentialsAction; learnerIds: string[] }): Promise<CredentialsOutcome> => {
      const file = await api.postForFile(`/api/organizations/${organizationId}/learners/credentials`, { action, learnerIds });
      saveFile(file.blob, file.fileName ?? fallbackFileName);
      return {
        updated: Number(file.headers.get(CREDENTIALS_UPDATED_HEADER) ?? 0),
        untouched: Number(file.headers.get(CREDENTIALS_UNTOUCHED_HEADER) ?? 0),
      };
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: learnersKey(organizationId) });
      void client.invalidateQueries({ queryKey: ['organizations', organizationId, 'pupil-accounts'] });
    },
  });
}
