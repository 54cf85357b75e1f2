import type { Release } from '@jalon/content';
import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { targetProfiles } from './schema';

/**
 * Writes the release's target profiles into the database by id (the file is the source),
 * and marks Jalon profiles that left the files as outdated: campaigns may still use them.
 * Idempotent, so processes starting together may all run it.
 */
export async function syncTargetProfiles(db: Db, release: Release, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const profile of release.targetProfiles) {
      const values = {
        id: profile.id,
        name: profile.name,
        description: profile.description,
        category: profile.category,
        imageUrl: profile.imageUrl ?? null,
        isPublic: profile.isPublic,
        ownerOrganizationId: profile.ownerOrganizationId,
        outdated: profile.outdated,
        areKnowledgeElementsResettable: profile.areKnowledgeElementsResettable,
        locales: [...profile.locales],
        tubes: profile.tubes.map((tube) => ({ ...tube })),
        stages: [...profile.stages],
        badges: [...profile.badges],
        origin: 'jalon',
        releaseId: release.id,
        updatedAt: now,
      };
      await tx
        .insert(targetProfiles)
        .values({ ...values, createdAt: now })
        .onConflictDoUpdate({ target: targetProfiles.id, set: values });
    }
    const ids = release.targetProfiles.map((p) => p.id);
    await tx
      .update(targetProfiles)
      .set({ outdated: true, updatedAt: now })
      .where(and(eq(targetProfiles.origin, 'jalon'), ids.length > 0 ? notInArray(targetProfiles.id, ids) : undefined));
  });
}
