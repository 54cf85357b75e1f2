import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../api/client';
import type { Organization, OrganizationsPage } from '../../../api/types';

export const adminOrganizationsKey = ['admin', 'organizations'] as const;

export function useAdminOrganizations(search: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...adminOrganizationsKey, { search, page, pageSize }],
    queryFn: () => api.get<OrganizationsPage>(`/api/admin/organizations${query({ search, page, pageSize })}`),
    placeholderData: (previous) => previous,
  });
}

export function useAdminOrganization(organizationId: string) {
  return useQuery({
    queryKey: [...adminOrganizationsKey, organizationId],
    queryFn: () => api.get<Organization>(`/api/admin/organizations/${organizationId}`),
  });
}
