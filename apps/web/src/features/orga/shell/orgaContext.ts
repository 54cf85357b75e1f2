import { createContext, useContext } from 'react';
import type { Me, Membership } from '../../../api/types';

export interface OrgaSession {
  me: Me;
  membership: Membership;
}

export const OrgaContext = createContext<OrgaSession | null>(null);

/** The signed-in member and the organization they work in; only available under RequireOrgaMember. */
export function useOrga(): OrgaSession {
  const session = useContext(OrgaContext);
  if (session === null) throw new Error('useOrga must be used under RequireOrgaMember');
  return session;
}
