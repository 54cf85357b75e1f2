import type { Organization, OrganizationFeature } from '@jalon/contracts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import type { MembershipContext } from '../../platform/http/access';
import type { MeMembership } from '../identity';
import { users } from '../identity';
import { memberships, organizationFeatures, organizations } from './schema';

type OrganizationRow = typeof organizations.$inferSelect;

export async function featuresOf(executor: Executor, organizationIds: string[]): Promise<Map<string, OrganizationFeature[]>> {
  const result = new Map<string, OrganizationFeature[]>(organizationIds.map((id) => [id, []]));
  if (organizationIds.length === 0) return result;
  const rows = await executor
    .select({ organizationId: organizationFeatures.organizationId, feature: organizationFeatures.feature })
    .from(organizationFeatures)
    .where(inArray(organizationFeatures.organizationId, organizationIds))
    .orderBy(asc(organizationFeatures.feature));
  for (const row of rows) result.get(row.organizationId)?.push(row.feature as OrganizationFeature);
  return result;
}

export function toOrganization(row: OrganizationRow, features: OrganizationFeature[]): Organization {
  return {
    id: row.id,
    name: row.name,
    type: row.type as Organization['type'],
    externalId: row.externalId,
    email: row.email,
    documentationUrl: row.documentationUrl,
    isManagingStudents: row.isManagingStudents,
    identityProviderForCampaigns: row.identityProviderForCampaigns === 'MEDIACENTRE' ? 'MEDIACENTRE' : null,
    timeZone: row.timeZone,
    features,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findOrganization(executor: Executor, organizationId: string): Promise<Organization | undefined> {
  const [row] = await executor.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!row) return undefined;
  return toOrganization(row, (await featuresOf(executor, [row.id])).get(row.id) ?? []);
}

export async function findActiveMembership(executor: Executor, userId: string, organizationId: string): Promise<MembershipContext | null> {
  const [row] = await executor
    .select({ id: memberships.id, organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.organizationId, organizationId),
        isNull(memberships.disabledAt),
        isNull(organizations.archivedAt),
      ),
    );
  return row ? { ...row, role: row.role === 'ADMIN' ? 'ADMIN' : 'MEMBER' } : null;
}

/** The caller's active memberships, for `GET /api/me` and the organization switcher. */
export async function listMembershipsOf(executor: Executor, userId: string): Promise<MeMembership[]> {
  const rows = await executor
    .select({ membership: memberships, organization: organizations })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.disabledAt), isNull(organizations.archivedAt)))
    .orderBy(asc(organizations.name), asc(organizations.id));
  const features = await featuresOf(
    executor,
    rows.map((r) => r.organization.id),
  );
  return rows.map(({ membership, organization }) => ({
    id: membership.id,
    role: membership.role === 'ADMIN' ? 'ADMIN' : 'MEMBER',
    organization: {
      id: organization.id,
      name: organization.name,
      type: organization.type as MeMembership['organization']['type'],
      documentationUrl: organization.documentationUrl,
      isManagingStudents: organization.isManagingStudents,
      features: features.get(organization.id) ?? [],
    },
  }));
}

export async function listMembers(executor: Executor, organizationId: string) {
  const rows = await executor
    .select({
      id: memberships.id,
      userId: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      role: memberships.role,
      createdAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), isNull(memberships.disabledAt)))
    .orderBy(sql`lower(${users.lastName}) collate "C"`, sql`lower(${users.firstName}) collate "C"`, asc(memberships.id));
  return rows.map((r) => ({ ...r, role: r.role === 'ADMIN' ? ('ADMIN' as const) : ('MEMBER' as const), createdAt: r.createdAt.toISOString() }));
}
