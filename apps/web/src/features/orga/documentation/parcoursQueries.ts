import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../../api/client';
import type { TargetProfileDetail, TargetProfileSummary } from '../../../api/types';

const parcoursKey = (organizationId: string) => ['organizations', organizationId, 'target-profiles'] as const;
export const parcoursUrl = (organizationId: string, targetProfileId: string) =>
  `/api/organizations/${organizationId}/target-profiles/${encodeURIComponent(targetProfileId)}`;

/** The parcours available to the organization, as the campaign-creation picker will list them too. */
export function useAvailableParcours(organizationId: string, filter: { search: string; category: string }) {
  return useQuery({
    queryKey: [...parcoursKey(organizationId), filter],
    queryFn: () =>
      api.get<{ targetProfiles: TargetProfileSummary[] }>(`/api/organizations/${organizationId}/target-profiles${query(filter)}`),
    select: (data) => data.targetProfiles,
    placeholderData: (previous) => previous,
  });
}

export function useParcoursDocumentation(organizationId: string, targetProfileId: string) {
  return useQuery({
    queryKey: [...parcoursKey(organizationId), targetProfileId],
    queryFn: () => api.get<TargetProfileDetail>(parcoursUrl(organizationId, targetProfileId)),
  });
}
