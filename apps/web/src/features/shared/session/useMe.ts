import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client';
import type { Me, Membership } from '../../../api/types';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user, or null when signed out. Everything that depends on the session reads this one query. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function useSetMe() {
  const client = useQueryClient();
  return (me: Me | null) => client.setQueryData(ME_KEY, me);
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/api/auth/sign-out'),
    onSettled: () => {
      // Nothing cached for the previous user may show to the next one.
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

/** The membership Orga works in: the one the API remembers, else the first. */
export function currentMembership(me: Me): Membership | undefined {
  return me.memberships.find((membership) => membership.organization.id === me.currentOrganizationId) ?? me.memberships[0];
}
