import type { ReactNode } from 'react';
import { ForbiddenPage } from '../../shared/status-pages/ForbiddenPage';
import { useOrga } from './orgaContext';
import type { OrgaSession } from './orgaContext';

/** A page typed in the address bar by someone whose menu does not offer it gets a 403 page, not an empty shell. */
export function RequireOrgaRight({ allowed, children }: { allowed: (session: OrgaSession) => boolean; children: ReactNode }) {
  const session = useOrga();
  return allowed(session) ? <>{children}</> : <ForbiddenPage homePath="/orga/" />;
}

export const isAdmin = ({ membership }: OrgaSession) => membership.role === 'ADMIN';
/** Orga « Certifications » (`certification.md` §7): the ADMIN of a SCO organization managing students, with the tab enabled. */
export const canSeeCertifications = ({ membership }: Pick<OrgaSession, 'membership'>) =>
  membership.role === 'ADMIN' &&
  membership.organization.type === 'SCO' &&
  membership.organization.isManagingStudents &&
  membership.organization.features.includes('CERTIFICATION_RESULTS');
