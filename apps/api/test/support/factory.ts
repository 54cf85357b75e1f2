import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database';
import { hashPassword, users } from '../../src/modules/identity';
import { memberships, organizationFeatures, organizations } from '../../src/modules/organizations';

/** Shared by every factory user: hashing once keeps test files fast. */
export const PASSWORD = 'Motdepasse-1';
let passwordHash: Promise<string> | undefined;

export interface UserFixture {
  id: string;
  email: string;
}

export async function createUser(db: Db, fields: Partial<typeof users.$inferInsert> = {}): Promise<UserFixture> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = fields.email ?? `user-${randomUUID().slice(0, 8)}@example.org`;
  const [row] = await db
    .insert(users)
    .values({ firstName: 'Prénom', lastName: 'Nom', email, passwordHash: await passwordHash, termsAcceptedAt: new Date(), ...fields })
    .returning({ id: users.id });
  return { id: row!.id, email };
}

export async function createOrganization(
  db: Db,
  fields: Partial<typeof organizations.$inferInsert> = {},
  features: string[] = [],
): Promise<{ id: string }> {
  const [row] = await db
    .insert(organizations)
    .values({ type: 'PRO', name: `Organisation ${randomUUID().slice(0, 6)}`, ...fields })
    .returning({ id: organizations.id });
  if (features.length > 0) await db.insert(organizationFeatures).values(features.map((feature) => ({ organizationId: row!.id, feature })));
  return { id: row!.id };
}

export async function addMember(db: Db, organizationId: string, userId: string, role: 'ADMIN' | 'MEMBER' = 'MEMBER') {
  const [row] = await db.insert(memberships).values({ organizationId, userId, role }).returning({ id: memberships.id });
  return { id: row!.id };
}

/** An organization with an ADMIN and a MEMBER, both with accounts. */
export async function createTeam(db: Db, fields: Partial<typeof organizations.$inferInsert> = {}) {
  const organization = await createOrganization(db, fields);
  const admin = await createUser(db, { firstName: 'Ada', lastName: 'Admin' });
  const member = await createUser(db, { firstName: 'Marc', lastName: 'Membre' });
  const adminMembership = await addMember(db, organization.id, admin.id, 'ADMIN');
  const memberMembership = await addMember(db, organization.id, member.id, 'MEMBER');
  return { organization, admin, member, adminMembership, memberMembership };
}

export async function makePlatformAdmin(db: Db, userId: string) {
  await db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, userId));
}
