import { campaignSkills as skillsOfProfile, statedAnswer, type Release } from '@jalon/content';
import { campaigns, drawCampaignCode } from '../../src/modules/campaigns';
import { campaignSkills } from '../../src/modules/campaigns/schema';
import { learnerSortKey, organizationLearners } from '../../src/modules/organizations';
import type { Db } from '../../src/platform/db/database';

/** A campaign row written directly, for tests that need one without going through Orga's form. */
export async function createCampaignRow(
  db: Db,
  fields: { organizationId: string; ownerId: string } & Partial<typeof campaigns.$inferInsert>,
): Promise<typeof campaigns.$inferSelect> {
  const [row] = await db
    .insert(campaigns)
    .values({ type: 'PROFILES_COLLECTION', name: 'Campagne de test', code: drawCampaignCode(), creatorId: fields.ownerId, ...fields })
    .returning();
  return row!;
}

/** A campaign inserted with its frozen skills, as Orga's creation does. */
export async function createCampaign(
  db: Db,
  release: Release,
  fields: { organizationId: string; ownerId: string; type?: 'ASSESSMENT' | 'PROFILES_COLLECTION' | 'EXAM'; targetProfileId?: string } & Partial<typeof campaigns.$inferInsert>,
) {
  const type = fields.type ?? 'ASSESSMENT';
  const targetProfileId = type === 'PROFILES_COLLECTION' ? null : (fields.targetProfileId ?? 'tp-arts-plastiques-cycle-4');
  const campaign = await createCampaignRow(db, { releaseId: release.id, ...fields, type, targetProfileId });
  if (targetProfileId) {
    const profile = release.targetProfiles.find((p) => p.id === targetProfileId)!;
    await db.insert(campaignSkills).values(
      skillsOfProfile(release, profile).map((s) => ({ campaignId: campaign.id, skillId: s.id, tubeId: s.tubeId, competenceId: s.competenceId, level: s.level })),
    );
  }
  return campaign;
}

export async function createLearner(
  db: Db,
  organizationId: string,
  fields: { firstName: string; lastName: string; birthdate: string } & Partial<Omit<typeof organizationLearners.$inferInsert, 'organizationId' | 'sortKey'>>,
) {
  const [learner] = await db
    .insert(organizationLearners)
    .values({ organizationId, ...fields, sortKey: learnerSortKey(fields.lastName, fields.firstName) })
    .returning();
  return learner!;
}

/** The answer a challenge's own solution gives: what an all-right pupil types. */
export function rightAnswer(release: Release, challengeId: string): string | Record<string, string> {
  return statedAnswer(release.challenges.find((c) => c.id === challengeId)!);
}
