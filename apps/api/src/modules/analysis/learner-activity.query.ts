import type { LearnerActivity } from '@jalon/contracts';
import { percentHalfUp } from '@jalon/engine';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { campaigns, campaignSkills, participations } from '../campaigns';
import { organizationLearners } from '../organizations';

/**
 * A learner's whole activity in one organization (§4, « Voir toute son activité »): every
 * live participation in its live campaigns, newest first, with the values stored at share.
 */
export async function learnerActivity(executor: Executor, organizationId: string, organizationLearnerId: string): Promise<LearnerActivity> {
  const [learner] = await executor
    .select()
    .from(organizationLearners)
    .where(and(eq(organizationLearners.id, organizationLearnerId), eq(organizationLearners.organizationId, organizationId), isNull(organizationLearners.deletedAt)));
  if (!learner) throw new AppError('LEARNER_NOT_FOUND');
  const skillCounts = executor
    .select({ campaignId: campaignSkills.campaignId, skills: count().as('skills') })
    .from(campaignSkills)
    .groupBy(campaignSkills.campaignId)
    .as('skill_counts');
  const rows = await executor
    .select({ participation: participations, campaign: campaigns, skills: skillCounts.skills })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .leftJoin(skillCounts, eq(skillCounts.campaignId, campaigns.id))
    .where(
      and(
        eq(participations.organizationLearnerId, learner.id),
        eq(campaigns.organizationId, organizationId),
        isNull(participations.deletedAt),
        isNull(campaigns.deletedAt),
      ),
    )
    .orderBy(desc(participations.createdAt), desc(participations.id));
  return {
    learner: { id: learner.id, firstName: learner.firstName, lastName: learner.lastName, division: learner.division, group: learner.group },
    participations: rows.map(({ participation, campaign, skills }) => {
      const shared = participation.status === 'SHARED';
      const isCollection = campaign.type === 'PROFILES_COLLECTION';
      return {
        id: participation.id,
        campaign: { id: campaign.id, name: campaign.name, type: campaign.type as LearnerActivity['participations'][number]['campaign']['type'], archived: campaign.archivedAt !== null },
        status: participation.status as LearnerActivity['participations'][number]['status'],
        createdAt: participation.createdAt.toISOString(),
        sharedAt: participation.sharedAt?.toISOString() ?? null,
        masteryPercent:
          shared && !isCollection && participation.validatedSkillsCount !== null && Number(skills) > 0
            ? percentHalfUp(participation.validatedSkillsCount, Number(skills))
            : null,
        pixScore: shared && isCollection ? participation.pixScore : null,
      };
    }),
  };
}
