import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { DEFAULT_TIME_ZONE } from '../../shared/format/formatDate';
import { useOrga } from './orgaContext';

export function useOrganization() {
  const { organization } = useOrga().membership;
  return useQuery({
    queryKey: ['organizations', organization.id],
    queryFn: () => api.get<Organization>(`/api/organizations/${organization.id}`),
  });
}

export function useOrganizationTimeZone(): string {
  return useOrganization().data?.timeZone ?? DEFAULT_TIME_ZONE;
}
