import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { campaigns, participations } from '../campaigns/schema';
import { targetProfiles } from '../catalogue/schema';
import { organizationFeatures, organizationLearners, organizations } from '../organizations';

export type CampaignRow = typeof campaigns.$inferSelect;
export type ParticipationRow = typeof participations.$inferSelect;

/** A campaign with what the learner's side needs of its organization and profile. */
export interface CampaignForLearner {
  campaign: CampaignRow;
  organization: typeof organizations.$inferSelect;
  /** Only rostered, reconciled learners may join (`campaigns-and-participation.md` §1). */
  isRestricted: boolean;
  profile: typeof targetProfiles.$inferSelect | null;
}

export async function campaignForLearner(executor: Executor, where: { id: string } | { code: string }): Promise<CampaignForLearner> {
  const [row] = await executor
    .select({ campaign: campaigns, organization: organizations, profile: targetProfiles })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .leftJoin(targetProfiles, eq(targetProfiles.id, campaigns.targetProfileId))
    .where('id' in where ? eq(campaigns.id, where.id) : eq(campaigns.code, where.code));
  if (!row) throw new AppError('code' in where ? 'CAMPAIGN_CODE_NOT_FOUND' : 'CAMPAIGN_NOT_FOUND');
  if (row.campaign.deletedAt) throw new AppError('CAMPAIGN_NOT_FOUND');
  const [importFeature] = await executor
    .select({ feature: organizationFeatures.feature })
    .from(organizationFeatures)
    .where(and(eq(organizationFeatures.organizationId, row.organization.id), eq(organizationFeatures.feature, 'LEARNER_IMPORT')));
  return { ...row, isRestricted: row.organization.isManagingStudents || importFeature !== undefined };
}

export async function learnerOfUser(executor: Executor, organizationId: string, userId: string) {
  const [learner] = await executor
    .select()
    .from(organizationLearners)
    .where(and(eq(organizationLearners.organizationId, organizationId), eq(organizationLearners.userId, userId), isNull(organizationLearners.deletedAt)));
  return learner;
}

/** The user's current participation in a campaign: the newest neither deleted nor improved. */
export async function currentParticipation(executor: Executor, campaignId: string, userId: string): Promise<ParticipationRow | undefined> {
  const [row] = await executor
    .select()
    .from(participations)
    .where(and(eq(participations.campaignId, campaignId), eq(participations.userId, userId), isNull(participations.deletedAt), eq(participations.isImproved, false)))
    .orderBy(desc(participations.createdAt))
    .limit(1);
  return row;
}

export async function hasAnyParticipation(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executor.select({ n: sql<number>`count(*)::int` }).from(participations).where(eq(participations.userId, userId));
  return Number(row?.n ?? 0) > 0;
}
