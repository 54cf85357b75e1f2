import type { Campaign } from '@jalon/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import type { MembershipContext } from '../../platform/http/access';
import { targetProfiles } from '../catalogue';
import { users } from '../identity';
import { canManage, findLiveCampaign, participationCounts, type CampaignRecord } from './campaigns.repository';

export interface Viewer {
  userId: string;
  membership: MembershipContext;
}

/** The learner's way in: `<public url>/campagnes/<CODE>` (seed item 16). */
export function directLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/campagnes/${code}`;
}

export async function toCampaign(executor: Executor, row: CampaignRecord, publicUrl: string, viewer: Viewer): Promise<Campaign> {
  const people = await executor
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(inArray(users.id, [row.ownerId, row.creatorId]));
  const person = (id: string) => people.find((p) => p.id === id) ?? { id, firstName: '', lastName: '' };
  const [profile] = row.targetProfileId
    ? await executor.select({ id: targetProfiles.id, name: targetProfiles.name }).from(targetProfiles).where(eq(targetProfiles.id, row.targetProfileId))
    : [];
  const counts = (await participationCounts(executor, [row.id])).get(row.id)!;
  return {
    id: row.id,
    organizationId: row.organizationId,
    type: row.type as Campaign['type'],
    name: row.name,
    code: row.code,
    directLink: directLink(publicUrl, row.code),
    targetProfile: profile ?? null,
    title: row.title,
    customLandingPageText: row.customLandingPageText,
    customResultPageText: row.customResultPageText,
    customResultPageButtonText: row.customResultPageButtonText,
    customResultPageButtonUrl: row.customResultPageButtonUrl,
    externalIdLabel: row.externalIdLabel,
    externalIdType: row.externalIdType as Campaign['externalIdType'],
    multipleSendings: row.multipleSendings,
    owner: person(row.ownerId),
    creator: person(row.creatorId),
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    ...counts,
    canManage: canManage(row, viewer.userId, viewer.membership),
  };
}

export async function getCampaign(executor: Executor, campaignId: string, publicUrl: string, viewer: Viewer): Promise<Campaign> {
  return toCampaign(executor, await findLiveCampaign(executor, campaignId), publicUrl, viewer);
}
