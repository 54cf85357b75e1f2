import { createContext, useContext } from 'react';
import type { Me, Membership } from '../../../api/types';

export interface CertifSession {
  me: Me;
  /** The membership of the centre Certif works in. */
  centre: Membership;
}

export const CertifContext = createContext<CertifSession | null>(null);

/** The signed-in member and their centre; only available under RequireCentreMember. */
export function useCertif(): CertifSession {
  const session = useContext(CertifContext);
  if (session === null) throw new Error('useCertif must be used under RequireCentreMember');
  return session;
}

/** The centre Certif works in: the organization Orga works in when it is a centre, else the first centre. */
export function centreMembership(me: Me): Membership | undefined {
  const centres = me.memberships.filter((membership) => membership.organization.features.includes('CERTIFICATION_CENTER'));
  return centres.find((membership) => membership.organization.id === me.currentOrganizationId) ?? centres[0];
}
