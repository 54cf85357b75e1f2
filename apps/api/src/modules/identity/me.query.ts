import type { Me } from '@jalon/contracts';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { findUserById } from './users.repository';

export type MeMembership = Me['memberships'][number];
export type ListMemberships = (userId: string) => Promise<MeMembership[]>;

export async function getMe(executor: Executor, listMemberships: ListMemberships, userId: string): Promise<Me> {
  const user = await findUserById(executor, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const memberships = await listMemberships(userId);
  const current = memberships.find((m) => m.organization.id === user.currentOrganizationId) ?? memberships[0];
  return {
    id: user.id,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    username: user.username,
    lang: user.lang === 'en' ? 'en' : 'fr',
    mustChangePassword: user.mustChangePassword,
    termsAcceptedAt: user.termsAcceptedAt?.toISOString() ?? null,
    orgaTermsAcceptedAt: user.orgaTermsAcceptedAt?.toISOString() ?? null,
    isPlatformAdmin: user.isPlatformAdmin,
    currentOrganizationId: current?.organization.id ?? null,
    memberships,
  };
}
