import { targetProfileCategories, type BadgeFile, type ReleaseStage, type ReleaseTargetProfile, type TargetProfileCategory } from '@jalon/content';
import { and, eq, exists, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { targetProfiles, targetProfileShares } from './schema';

type TargetProfileRow = typeof targetProfiles.$inferSelect;

/**
 * A stored profile in the release's shape, so the content package's catalogue functions
 * describe custom profiles exactly as Jalon's. Stages and badges were stored as the release
 * (or the profile editor) wrote them.
 */
function toReleaseProfile(row: TargetProfileRow): ReleaseTargetProfile {
  const category = (targetProfileCategories as readonly string[]).includes(row.category) ? (row.category as TargetProfileCategory) : 'OTHER';
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category,
    ...(row.imageUrl !== null ? { imageUrl: row.imageUrl } : {}),
    isPublic: row.isPublic,
    ownerOrganizationId: row.ownerOrganizationId,
    outdated: row.outdated,
    areKnowledgeElementsResettable: row.areKnowledgeElementsResettable,
    locales: row.locales,
    tubes: row.tubes,
    stages: row.stages as ReleaseStage[],
    badges: row.badges as BadgeFile[],
  };
}

/** `content-model.md` §6 « Available »: not outdated, and public, owned by the organization or shared with it. */
function availableTo(organizationId: string) {
  return and(
    eq(targetProfiles.outdated, false),
    or(
      eq(targetProfiles.isPublic, true),
      eq(targetProfiles.ownerOrganizationId, organizationId),
      exists(
        sql`(select 1 from ${targetProfileShares} where ${targetProfileShares.targetProfileId} = ${targetProfiles.id} and ${targetProfileShares.organizationId} = ${organizationId})`,
      ),
    ),
  );
}

/** The target profiles an organization may read and run campaigns on. */
export async function listAvailableProfiles(db: Executor, organizationId: string): Promise<ReleaseTargetProfile[]> {
  const rows = await db.select().from(targetProfiles).where(availableTo(organizationId));
  return rows.map(toReleaseProfile);
}

/** One target profile if the organization may read it; undefined otherwise, whether it exists or not. */
export async function findAvailableProfile(db: Executor, organizationId: string, targetProfileId: string): Promise<ReleaseTargetProfile | undefined> {
  const [row] = await db
    .select()
    .from(targetProfiles)
    .where(and(eq(targetProfiles.id, targetProfileId), availableTo(organizationId)));
  return row ? toReleaseProfile(row) : undefined;
}
