import type { TFunction } from 'i18next';
import type { Role } from '../../../api/types';

export function roleLabel(t: TFunction, role: Role | null): string {
  if (role === 'ADMIN') return t('orga.roles.ADMIN');
  if (role === 'MEMBER') return t('orga.roles.MEMBER');
  return t('orga.roles.automatic');
}
