import type { Membership, OrganizationType } from '../../../api/types';
import { canSeeCertifications } from './RequireRole';

export interface MenuEntry {
  key: string;
  path: string;
  labelKey: string;
}

/** How an organization names its learners, and where their list lives (`learners-and-accounts.md` §1). */
export function learnersEntry(type: OrganizationType): MenuEntry {
  switch (type) {
    case 'SCO':
      return { key: 'learners', path: '/orga/eleves', labelKey: 'orga.menu.pupils' };
    case 'SUP':
      return { key: 'learners', path: '/orga/etudiants', labelKey: 'orga.menu.students' };
    case 'PRO':
    case 'SCO-1D':
      return { key: 'learners', path: '/orga/participants', labelKey: 'orga.menu.participants' };
  }
}

/** The menu by role and organization type (`campaigns-and-participation.md` §2, seed items 4–5). */
export function menuFor(membership: Membership): MenuEntry[] {
  const { role, organization } = membership;
  const entries: MenuEntry[] = [
    { key: 'campaigns', path: '/orga/campagnes', labelKey: 'orga.menu.campaigns' },
    learnersEntry(organization.type),
    { key: 'documentation', path: '/orga/documentation', labelKey: 'orga.menu.documentation' },
    { key: 'statistics', path: '/orga/statistiques', labelKey: 'orga.menu.statistics' },
  ];
  if (role === 'ADMIN') entries.push({ key: 'team', path: '/orga/equipe', labelKey: 'orga.menu.team' });
  if (canSeeCertifications({ membership })) {
    entries.push({ key: 'certifications', path: '/orga/certifications', labelKey: 'orga.menu.certifications' });
  }
  // A certification centre runs its sittings in its own space, Jalon Certif.
  if (organization.features.includes('CERTIFICATION_CENTER')) entries.push({ key: 'certif', path: '/certif/', labelKey: 'certif.brand' });
  return entries;
}
