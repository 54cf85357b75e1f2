import {
  currentKnowledgeElements,
  DEFAULT_MAX_REACHABLE_LEVEL,
  profileCollectionMasteryRate,
  profileScore,
} from '@jalon/engine';
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { campaignResultValues, participationElementsOf, profileElementsOf, type ContentIndex } from '../assessment';
import { campaigns, campaignSkills, participationBadges, participations, snapshotKnowledgeElements } from '../campaigns/schema';
import { targetProfiles } from '../catalogue/schema';
import { organizations } from '../organizations';

export interface ShareDeps {
  clock: Clock;
  content: ContentIndex;
}

/**
 * « J'envoie mes résultats » inside the caller's transaction: the participation becomes
 * SHARED, the learner's current knowledge (an EXAM: the participation's) is frozen as its
 * snapshot, and the results Orga will read are computed from that snapshot at once.
 */
export async function shareInTransaction(deps: ShareDeps, tx: Tx, participationId: string): Promise<void> {
  const now = deps.clock.now();
  const [row] = await tx
    .select({ participation: participations, campaign: campaigns })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .where(eq(participations.id, participationId))
    .for('update');
  if (!row || row.participation.deletedAt) throw new AppError('PARTICIPATION_NOT_FOUND');
  const { participation, campaign } = row;
  if (campaign.deletedAt) throw new AppError('CAMPAIGN_NOT_FOUND');
  if (campaign.archivedAt) throw new AppError('CAMPAIGN_ARCHIVED');
  if (participation.status === 'SHARED') throw new AppError('ALREADY_SHARED');
  if (participation.status !== 'TO_SHARE') throw new AppError('ASSESSMENT_NOT_COMPLETED');

  const isExam = campaign.type === 'EXAM';
  const elements = isExam
    ? currentKnowledgeElements(await participationElementsOf(tx, participation.id), 'participation')
    : currentKnowledgeElements(await profileElementsOf(tx, participation.userId));
  if (elements.length > 0) {
    await tx.insert(snapshotKnowledgeElements).values(
      elements.map((e) => ({
        participationId: participation.id,
        skillId: e.skillId,
        tubeId: e.tubeId,
        competenceId: e.competenceId,
        status: e.status,
        source: e.source,
        earnedPix: e.earnedPix,
        knowledgeElementId: Number(e.id),
        createdAt: e.createdAt ? new Date(e.createdAt) : now,
      })),
    );
  }

  const score = profileScore(elements, deps.content.coreCompetenceIds);
  let results: Partial<typeof participations.$inferInsert> = { pixScore: score.totalPix };
  if (campaign.type === 'PROFILES_COLLECTION') {
    results = { ...results, isCertifiable: score.isCertifiable, masteryRate: String(profileCollectionMasteryRate(score.totalPix, DEFAULT_MAX_REACHABLE_LEVEL)) };
  } else {
    const skills = await tx.select().from(campaignSkills).where(eq(campaignSkills.campaignId, campaign.id));
    const [profile] = campaign.targetProfileId ? await tx.select().from(targetProfiles).where(eq(targetProfiles.id, campaign.targetProfileId)) : [];
    const values = campaignResultValues(skills, profile ?? null, elements);
    results = {
      ...results,
      validatedSkillsCount: values.validatedSkillsCount,
      masteryRate: String(values.masteryRate),
      reachedStageId: values.stage?.stageId ?? null,
    };
    if (values.badges.length > 0) {
      await tx
        .insert(participationBadges)
        .values(values.badges.map((b) => ({ participationId: participation.id, badgeKey: b.key, obtained: b.obtained, progress: b.progress })));
    }
  }
  const shared = await tx
    .update(participations)
    .set({ ...results, status: 'SHARED', sharedAt: now, resultsComputedAt: now, updatedAt: now })
    .where(and(eq(participations.id, participation.id), eq(participations.status, 'TO_SHARE')))
    .returning({ id: participations.id });
  if (shared.length === 0) throw new AppError('ALREADY_SHARED');
}

/** Shares the caller's own participation; someone else's does not exist for them. */
export async function shareParticipation(deps: ShareDeps & { db: Db }, input: { participationId: string; userId: string }) {
  const [owned] = await deps.db
    .select({ id: participations.id })
    .from(participations)
    .where(and(eq(participations.id, input.participationId), eq(participations.userId, input.userId)));
  if (!owned) throw new AppError('PARTICIPATION_NOT_FOUND');
  await deps.db.transaction((tx) => shareInTransaction(deps, tx, input.participationId));
  const [row] = await deps.db.select().from(participations).where(eq(participations.id, input.participationId));
  return row!;
}

/** Sends at completion, in the same transaction, when the organization chose automatic sending (§5.6). */
export async function autoShareIfAsked(deps: ShareDeps, tx: Tx, participationId: string): Promise<void> {
  const [row] = await tx
    .select({ autoShareAtEnd: organizations.autoShareAtEnd, type: campaigns.type })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .where(eq(participations.id, participationId));
  if (row?.autoShareAtEnd && row.type !== 'PROFILES_COLLECTION') await shareInTransaction(deps, tx, participationId);
}
