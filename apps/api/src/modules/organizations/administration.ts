import type { Organization, OrganizationFeature, OrganizationInput } from '@jalon/contracts';
import { asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/db/constraints';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { featuresOf, findOrganization, toOrganization } from './organizations.repository';
import { organizationFeatures, organizations } from './schema';
import { isValidUai, SCHOOL_TYPES } from './uai';

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function validate(input: OrganizationInput): void {
  if (SCHOOL_TYPES.has(input.type)) {
    if (input.externalId === null && input.type === 'SCO') throw new AppError('UAI_REQUIRED', { pointer: '/externalId' });
    if (input.externalId !== null && !isValidUai(input.externalId)) throw new AppError('UAI_INVALID', { pointer: '/externalId' });
  }
  if (!isKnownTimeZone(input.timeZone)) throw new AppError('TIME_ZONE_INVALID', { pointer: '/timeZone' });
}

function translateConstraint(error: unknown): never {
  if (isUniqueViolation(error, 'one_organization_per_uai')) throw new AppError('UAI_ALREADY_USED', { pointer: '/externalId' });
  throw error;
}

export async function createOrganization(deps: { db: Db; clock: Clock }, input: OrganizationInput): Promise<Organization> {
  validate(input);
  const now = deps.clock.now();
  try {
    const [row] = await deps.db.insert(organizations).values({ ...input, createdAt: now, updatedAt: now }).returning();
    return toOrganization(row!, []);
  } catch (error) {
    translateConstraint(error);
  }
}

export async function updateOrganization(deps: { db: Db; clock: Clock }, organizationId: string, input: OrganizationInput): Promise<Organization> {
  validate(input);
  try {
    const [row] = await deps.db
      .update(organizations)
      .set({ ...input, updatedAt: deps.clock.now() })
      .where(eq(organizations.id, organizationId))
      .returning();
    if (!row) throw new AppError('ORGANIZATION_NOT_FOUND');
    return toOrganization(row, (await featuresOf(deps.db, [row.id])).get(row.id) ?? []);
  } catch (error) {
    translateConstraint(error);
  }
}

/** Replaces the organization's feature toggles with exactly `features`. */
export async function setFeatures(deps: { db: Db; clock: Clock }, organizationId: string, features: OrganizationFeature[]): Promise<Organization> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for('update');
    if (!row) throw new AppError('ORGANIZATION_NOT_FOUND');
    await tx.delete(organizationFeatures).where(eq(organizationFeatures.organizationId, organizationId));
    const unique = [...new Set(features)];
    if (unique.length > 0) {
      await tx.insert(organizationFeatures).values(unique.map((feature) => ({ organizationId, feature, createdAt: deps.clock.now() })));
    }
  });
  return (await findOrganization(deps.db, organizationId))!;
}

export async function listOrganizations(db: Db, query: { search: string; page: number; pageSize: number }) {
  const where: SQL | undefined = query.search
    ? or(ilike(organizations.name, `%${escapeLike(query.search)}%`), ilike(organizations.externalId, `%${escapeLike(query.search)}%`))
    : undefined;
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(organizations).where(where);
  const rows = await db
    .select()
    .from(organizations)
    .where(where)
    .orderBy(asc(organizations.name), asc(organizations.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const features = await featuresOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toOrganization(r, features.get(r.id) ?? [])),
    page: query.page,
    pageSize: query.pageSize,
    total: Number(total),
  };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
