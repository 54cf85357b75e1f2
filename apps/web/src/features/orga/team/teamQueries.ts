import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Invitation, Member } from '../../../api/types';

export const membersKey = (organizationId: string) => ['organizations', organizationId, 'members'] as const;
export const invitationsKey = (organizationId: string) => ['organizations', organizationId, 'invitations'] as const;

export function useMembers(organizationId: string) {
  return useQuery({
    queryKey: membersKey(organizationId),
    queryFn: () => api.get<{ members: Member[] }>(`/api/organizations/${organizationId}/members`),
    select: (data) => data.members,
  });
}

export function useInvitations(organizationId: string) {
  return useQuery({
    queryKey: invitationsKey(organizationId),
    queryFn: () => api.get<{ invitations: Invitation[] }>(`/api/organizations/${organizationId}/invitations`),
    select: (data) => data.invitations.filter((invitation) => invitation.status === 'pending'),
  });
}
