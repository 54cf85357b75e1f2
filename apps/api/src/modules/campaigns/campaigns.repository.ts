import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import type { MembershipContext } from '../../platform/http/access';
import { AppError } from '../../platform/http/errors';
import { campaigns, participations } from './schema';

export type CampaignRecord = typeof campaigns.$inferSelect;

/** A campaign that was not deleted; a deleted one is gone for every caller (§4.4). */
export async function findLiveCampaign(executor: Executor, campaignId: string): Promise<CampaignRecord> {
  const [row] = await executor
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.deletedAt)));
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
  return row;
}

/** Same, but locked until the end of the transaction, for writes that check then change. */
export async function lockLiveCampaign(executor: Executor, campaignId: string): Promise<CampaignRecord> {
  const [row] = await executor
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.deletedAt)))
    .for('update');
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
  return row;
}

/**
 * The tenant resolver of `campaignId`: the organization of a live campaign. An unknown or
 * deleted campaign answers 404 `CAMPAIGN_NOT_FOUND` before any membership check.
 */
export async function organizationOfCampaign(executor: Executor, campaignId: string): Promise<string> {
  const [row] = await executor
    .select({ organizationId: campaigns.organizationId })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), isNull(campaigns.deletedAt)));
  if (!row) throw new AppError('CAMPAIGN_NOT_FOUND');
  return row.organizationId;
}

/** Editing, archiving and deleting belong to the campaign's owner and the organization's ADMINs (§2). */
export function canManage(campaign: Pick<CampaignRecord, 'ownerId'>, userId: string, membership: MembershipContext): boolean {
  return membership.role === 'ADMIN' || campaign.ownerId === userId;
}

export function assertCanManage(campaign: Pick<CampaignRecord, 'ownerId'>, userId: string, membership: MembershipContext): void {
  if (!canManage(campaign, userId, membership)) throw new AppError('CAMPAIGN_EDIT_FORBIDDEN');
}

export interface ParticipationCounts {
  participantCount: number;
  sharedCount: number;
}

/**
 * Learners, never participations (`analytics-and-exports.md` §1): a learner who sent twice
 * counts once, and counts as « results received » as soon as one live participation is shared.
 */
export async function participationCounts(executor: Executor, campaignIds: string[]): Promise<Map<string, ParticipationCounts>> {
  const result = new Map<string, ParticipationCounts>(campaignIds.map((id) => [id, { participantCount: 0, sharedCount: 0 }]));
  if (campaignIds.length === 0) return result;
  const rows = await executor
    .select({
      campaignId: participations.campaignId,
      participantCount: sql<number>`count(distinct ${participations.organizationLearnerId})::int`,
      sharedCount: sql<number>`(count(distinct ${participations.organizationLearnerId}) filter (where ${participations.status} = 'SHARED'))::int`,
    })
    .from(participations)
    .where(and(inArray(participations.campaignId, campaignIds), isNull(participations.deletedAt)))
    .groupBy(participations.campaignId);
  for (const row of rows) result.set(row.campaignId, { participantCount: Number(row.participantCount), sharedCount: Number(row.sharedCount) });
  return result;
}

export async function hasParticipations(executor: Executor, campaignId: string): Promise<boolean> {
  const [row] = await executor
    .select({ id: participations.id })
    .from(participations)
    .where(and(eq(participations.campaignId, campaignId), isNull(participations.deletedAt)))
    .limit(1);
  return row !== undefined;
}
