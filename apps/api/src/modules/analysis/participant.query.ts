import type { ParticipantAnalysis, ParticipantPage } from '@jalon/contracts';
import {
  competenceId,
  epochMs,
  percentHalfUp,
  pix,
  profileScore,
  resolveStages,
  skillId,
  type StoredKnowledgeElement,
} from '@jalon/engine';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { assessments, campaignResultValues, testedCampaignSkills, tutorialDisplays, type ContentIndex } from '../assessment';
import { campaigns, participationBadges, participations, snapshotKnowledgeElements } from '../campaigns';
import { engineStage, storedStages, targetProfiles } from '../catalogue';
import { organizationLearners } from '../organizations';
import { analysisTube, byRecommendation, tubeSums } from './analysis.query';
import { campaignStructure, competenceRef, type CampaignStructure } from './campaign-tubes';

interface BadgeFile {
  key: string;
  title?: string;
  imageUrl?: string;
}

/** A live participation of this campaign; any other — another campaign's, another organization's, deleted — is not found. */
async function findParticipation(executor: Executor, campaignId: string, participationId: string) {
  const [row] = await executor
    .select({ participation: participations, campaign: campaigns, learner: organizationLearners })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .innerJoin(organizationLearners, eq(organizationLearners.id, participations.organizationLearnerId))
    .where(and(eq(participations.id, participationId), eq(participations.campaignId, campaignId), isNull(participations.deletedAt)));
  if (!row) throw new AppError('PARTICIPATION_NOT_FOUND');
  return row;
}

type Found = Awaited<ReturnType<typeof findParticipation>>;

async function snapshotOf(executor: Executor, participationId: string): Promise<StoredKnowledgeElement[]> {
  const rows = await executor.select().from(snapshotKnowledgeElements).where(eq(snapshotKnowledgeElements.participationId, participationId));
  return rows.map((r) => ({
    id: r.knowledgeElementId,
    createdAt: epochMs(r.createdAt.getTime()),
    skillId: skillId(r.skillId),
    competenceId: competenceId(r.competenceId),
    source: r.source === 'inferred' ? 'inferred' : 'direct',
    status: r.status === 'validated' ? 'validated' : 'invalidated',
    earnedPix: pix(r.earnedPix),
  }));
}

/**
 * Progression is the one figure read live (§1): the campaign skills holding a kept
 * knowledge element under the 4-day rule from the participation's start; 100 once completed.
 */
async function progressionOf(executor: Executor, found: Found, structure: CampaignStructure): Promise<number> {
  const { participation, campaign } = found;
  if (participation.status !== 'STARTED' || structure.skillCount === 0) return 100;
  const tested = await testedCampaignSkills(executor, campaign, [{ id: participation.id, userId: participation.userId, startedAt: participation.createdAt }]);
  return percentHalfUp(tested.get(participation.id) ?? 0, structure.skillCount);
}

/** §4: the participant page of an assessment, exam or profile collection, read from the share snapshot. */
export async function participantPage(executor: Executor, content: ContentIndex, campaignId: string, participationId: string): Promise<ParticipantPage> {
  const found = await findParticipation(executor, campaignId, participationId);
  const { participation, campaign, learner } = found;
  const structure = await campaignStructure(executor, content, campaignId);
  const siblings = await executor
    .select({ id: participations.id, status: participations.status, createdAt: participations.createdAt, sharedAt: participations.sharedAt })
    .from(participations)
    .where(and(eq(participations.campaignId, campaignId), eq(participations.organizationLearnerId, learner.id), isNull(participations.deletedAt)))
    .orderBy(asc(participations.createdAt), asc(participations.id));
  const summaries = siblings.map((s, i) => ({
    id: s.id,
    number: i + 1,
    status: s.status as ParticipantPage['participation']['status'],
    createdAt: s.createdAt.toISOString(),
    sharedAt: s.sharedAt?.toISOString() ?? null,
  }));
  const isShared = participation.status === 'SHARED';
  const snapshot = isShared ? await snapshotOf(executor, participation.id) : [];
  const isProfileCollection = campaign.type === 'PROFILES_COLLECTION';
  return {
    campaign: { id: campaign.id, name: campaign.name, type: campaign.type as ParticipantPage['campaign']['type'], externalIdLabel: campaign.externalIdLabel },
    learner: { organizationLearnerId: learner.id, firstName: learner.firstName, lastName: learner.lastName, division: learner.division, group: learner.group },
    participation: {
      ...summaries.find((s) => s.id === participation.id)!,
      participantExternalId: participation.participantExternalId,
      progression: await progressionOf(executor, found, structure),
    },
    participations: summaries,
    results: isShared && !isProfileCollection && participation.validatedSkillsCount !== null ? await assessmentResults(executor, content, found, structure, snapshot) : null,
    profile: isShared && isProfileCollection ? profileOf(content, snapshot) : null,
  };
}

async function assessmentResults(
  executor: Executor,
  content: ContentIndex,
  found: Found,
  structure: CampaignStructure,
  snapshot: readonly StoredKnowledgeElement[],
): Promise<NonNullable<ParticipantPage['results']>> {
  const { participation, campaign } = found;
  const [profile] = campaign.targetProfileId ? await executor.select().from(targetProfiles).where(eq(targetProfiles.id, campaign.targetProfileId)) : [];
  const skills = structure.tubes.flatMap((t) => t.skillIds.map((id, i) => ({ skillId: id, tubeId: t.id, competenceId: t.competenceId, level: t.levels[i]! })));
  // Per-competence values come from the snapshot through the same computation as the share.
  const values = campaignResultValues(skills, profile ?? null, snapshot);
  const stageFiles = storedStages(profile?.stages);
  const ordered = resolveStages(stageFiles.map(engineStage), skills.map((s) => ({ id: skillId(s.skillId), level: s.level })));
  const position = ordered.findIndex((s) => s.id === participation.reachedStageId);
  const stageFile = stageFiles.find((s) => s.id === participation.reachedStageId);
  const badgeFiles = (profile?.badges ?? []) as BadgeFile[];
  const badges = await executor.select().from(participationBadges).where(eq(participationBadges.participationId, participation.id));
  const totalStars = ordered.length > 0 ? ordered.length - 1 : null;
  return {
    masteryPercent: percentHalfUp(participation.validatedSkillsCount ?? 0, Math.max(1, structure.skillCount)),
    validatedSkills: participation.validatedSkillsCount ?? 0,
    targetedSkills: structure.skillCount,
    stage:
      position >= 0 && stageFile
        ? { stars: position, totalStars: ordered.length - 1, title: stageFile.prescriberTitle ?? stageFile.title ?? '', description: stageFile.prescriberDescription ?? '' }
        : null,
    badges: badgeFiles
      .filter((file) => badges.some((b) => b.badgeKey === file.key))
      .map((file) => ({ key: file.key, title: file.title ?? file.key, imageUrl: file.imageUrl ?? null, obtained: badges.find((b) => b.badgeKey === file.key)!.obtained })),
    competences: structure.competenceIds.map((id) => {
      const value = values.competences.find((c) => c.competenceId === id);
      const validated = value?.validated ?? 0;
      const total = value?.total ?? 0;
      return {
        ...competenceRef(content, id),
        validated,
        total,
        masteryPercent: total === 0 ? 0 : percentHalfUp(validated, total),
        stars: value?.stars ?? null,
        totalStars,
      };
    }),
  };
}

/** The 16 competences as frozen at `sharedAt`, capped at the reachable maximum (§4 Profile). */
function profileOf(content: ContentIndex, snapshot: readonly StoredKnowledgeElement[]): NonNullable<ParticipantPage['profile']> {
  const score = profileScore(snapshot, content.coreCompetenceIds);
  return {
    totalPix: score.totalPix,
    isCertifiable: score.isCertifiable,
    certifiableCompetenceCount: score.certifiableCompetenceCount,
    competences: content.coreCompetenceIds.map((id) => {
      const competence = score.competences.get(id);
      return { ...competenceRef(content, id), level: competence?.level ?? 0, pix: competence?.pix ?? 0 };
    }),
  };
}

/**
 * « Analyse » for one participant (§4): §5.1 on their snapshot alone, with the tutorials the
 * runner showed them at a checkpoint of this participation marked.
 */
export async function participantAnalysis(executor: Executor, content: ContentIndex, campaignId: string, participationId: string): Promise<ParticipantAnalysis> {
  const { participation } = await findParticipation(executor, campaignId, participationId);
  if (participation.status !== 'SHARED') return { isShared: false, tubes: [] };
  const structure = await campaignStructure(executor, content, campaignId);
  const snapshot = await snapshotOf(executor, participation.id);
  const validated = new Set<string>(snapshot.filter((e) => e.status === 'validated').map((e) => e.skillId));
  const standings = structure.tubes.flatMap((tube) => {
    const levels = tube.skillIds.flatMap((id, i) => (validated.has(id) ? [tube.levels[i]!] : []));
    return levels.length === 0 ? [] : [{ tubeId: tube.id, reached: Math.max(...levels), validated: levels.length, learners: 1 }];
  });
  const shown = await shownTutorials(executor, participation.id);
  const sums = tubeSums(structure, standings, 1).sort(byRecommendation);
  return { isShared: true, tubes: sums.map((s) => analysisTube(content, s, 1, shown)) };
}

async function shownTutorials(executor: Executor, participationId: string): Promise<Set<string>> {
  const ofParticipation = executor.select({ id: assessments.id }).from(assessments).where(eq(assessments.participationId, participationId));
  const rows = await executor.select({ tutorialId: tutorialDisplays.tutorialId }).from(tutorialDisplays).where(inArray(tutorialDisplays.assessmentId, ofParticipation));
  return new Set(rows.map((r) => r.tutorialId));
}

