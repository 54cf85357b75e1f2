import { useMutation, useQuery } from '@tanstack/react-query';
import type { CampaignLanding, CampaignSsoEntry, DemoMediacentres, PendingIdentity, PendingIdentityLinkBody } from '@jalon/contracts';
import { api } from '../../../api/client';

/** The identity an ENT vouched for, waiting for the pupil's birthdate (read from an httpOnly cookie by the API). */
export function usePendingIdentity() {
  return useQuery({
    queryKey: ['sso', 'pending-identity'],
    queryFn: () => api.get<PendingIdentity>('/api/sso/pending-identity'),
    retry: false,
    staleTime: Infinity,
  });
}

export function useLinkPendingIdentity() {
  return useMutation({
    mutationFn: (body: PendingIdentityLinkBody) => api.post<{ redirectTo: string }>('/api/sso/pending-identity/link', body),
  });
}

/** Non-production instances list their demonstration Médiacentres; production answers an empty list. */
export function useDemoMediacentres() {
  return useQuery({
    queryKey: ['sso', 'demo-mediacentres'],
    queryFn: () => api.get<DemoMediacentres>('/api/sso/demo-mediacentres'),
    staleTime: Infinity,
  });
}

/** A Médiacentre school's ENT sign-in links, and whether the learner came through one; nothing asked elsewhere. */
export function useCampaignSsoEntry(landing: CampaignLanding) {
  return useQuery({
    queryKey: ['sso', 'campaign-entry', landing.code, landing.me !== null],
    queryFn: () => api.get<CampaignSsoEntry>(`/api/sso/campaigns/${encodeURIComponent(landing.code)}/entry`),
    enabled: landing.organization.identityProvider === 'MEDIACENTRE',
    staleTime: 60_000,
  });
}
