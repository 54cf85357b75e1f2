import { randomInt } from 'node:crypto';
import { campaignSkills as skillsOfProfile, toCheckableChallenge, type Release } from '@jalon/content';
import type { Db } from '../../src/platform/db/database';
import { campaigns, campaignSkills } from '../../src/modules/campaigns/schema';
import { learnerSortKey, organizationLearners } from '../../src/modules/organizations';

const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const DIGITS = '23456789';

export function randomCode(): string {
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
  return pick(LETTERS, 6) + pick(DIGITS, 3);
}

/** A campaign inserted with its frozen skills, as Orga's creation does. */
export async function createCampaign(
  db: Db,
  release: Release,
  fields: { organizationId: string; ownerId: string; type?: 'ASSESSMENT' | 'PROFILES_COLLECTION' | 'EXAM'; targetProfileId?: string } & Partial<typeof campaigns.$inferInsert>,
) {
  const type = fields.type ?? 'ASSESSMENT';
  const targetProfileId = type === 'PROFILES_COLLECTION' ? null : (fields.targetProfileId ?? 'tp-arts-plastiques-cycle-4');
  const [campaign] = await db
    .insert(campaigns)
    .values({ name: 'Campagne de test', code: randomCode(), creatorId: fields.ownerId, releaseId: release.id, ...fields, type, targetProfileId })
    .returning();
  if (targetProfileId) {
    const profile = release.targetProfiles.find((p) => p.id === targetProfileId)!;
    await db.insert(campaignSkills).values(
      skillsOfProfile(release, profile).map((s) => ({ campaignId: campaign!.id, skillId: s.id, tubeId: s.tubeId, competenceId: s.competenceId, level: s.level })),
    );
  }
  return campaign!;
}

export async function createLearner(db: Db, organizationId: string, fields: { firstName: string; lastName: string; birthdate: string; division?: string; userId?: string }) {
  const [learner] = await db
    .insert(organizationLearners)
    .values({ organizationId, ...fields, sortKey: learnerSortKey(fields.lastName, fields.firstName) })
    .returning();
  return learner!;
}

/** The answer a challenge's own solution gives: what an all-right pupil types. */
export function rightAnswer(release: Release, challengeId: string): string | Record<string, string> {
  const checkable = toCheckableChallenge(release.challenges.find((c) => c.id === challengeId)!);
  switch (checkable.type) {
    case 'QCU':
    case 'QCM':
      return checkable.solution;
    case 'QROC':
      return checkable.solution.split('\n')[0]!.trim();
    case 'QROCM-ind':
      return Object.fromEntries(Object.entries(checkable.solution).map(([key, accepted]) => [key, accepted[0]!]));
    case 'QROCM-dep':
      return Object.fromEntries(checkable.blocks.map((block, i) => [block.key, checkable.solution[i]!.variants[0]!]));
  }
}
