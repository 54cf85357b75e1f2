import type { CampaignLanding, CampaignResults, MyParticipation, ProfileCollection } from '@jalon/contracts';
import { CAMPAIGN_CODE_PATTERN, normalizeCampaignCode } from '@jalon/contracts';
import { campaignRetryDelay, epochMs, percentHalfUp } from '@jalon/engine';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { assessments, learnerProfile, type CampaignResultValues, type ContentIndex } from '../assessment';
import { campaigns, participations } from '../campaigns/schema';
import { organizations } from '../organizations';
import type { User } from '../identity';
import { learnerWithSameNationalStudentId } from './reconciliation';
import { campaignForLearner, currentParticipation, hasAnyParticipation, learnerOfUser, type CampaignForLearner, type ParticipationRow } from './campaign.query';
import { mayImprove } from './start';

export interface ViewDeps {
  db: Db;
  clock: Clock;
  content: ContentIndex;
}

/** The newest assessment of each participation, in one query. */
async function newestAssessments(db: Db, participationIds: readonly string[]) {
  if (participationIds.length === 0) return new Map<string, { id: string; state: string }>();
  const rows = await db
    .select({ id: assessments.id, state: assessments.state, participationId: assessments.participationId })
    .from(assessments)
    .where(inArray(assessments.participationId, [...participationIds]))
    .orderBy(desc(assessments.createdAt));
  const newest = new Map<string, { id: string; state: string }>();
  for (const row of rows) if (row.participationId && !newest.has(row.participationId)) newest.set(row.participationId, row);
  return newest;
}

function participationView(participation: ParticipationRow, assessment: { id: string; state: string } | undefined): MyParticipation {
  return {
    id: participation.id,
    status: participation.status as MyParticipation['status'],
    assessmentId: assessment?.id ?? null,
    assessmentState: (assessment?.state as MyParticipation['assessmentState']) ?? null,
    createdAt: participation.createdAt.toISOString(),
    sharedAt: participation.sharedAt?.toISOString() ?? null,
    participantExternalId: participation.participantExternalId,
  };
}

/** A participation as its learner sees it, with its newest assessment. */
export async function myParticipation(db: Db, participation: ParticipationRow): Promise<MyParticipation> {
  return participationView(participation, (await newestAssessments(db, [participation.id])).get(participation.id));
}

function titleOf(found: CampaignForLearner): string | null {
  if (found.campaign.type === 'PROFILES_COLLECTION') return null;
  return found.campaign.title ?? found.profile?.name ?? null;
}

/** The landing page, reached by code: readable signed out, personalised when signed in. */
export async function landingByCode(deps: ViewDeps, rawCode: string, user: User | null): Promise<CampaignLanding> {
  const code = normalizeCampaignCode(rawCode);
  if (!CAMPAIGN_CODE_PATTERN.test(code)) throw new AppError('CAMPAIGN_CODE_INVALID_FORMAT', { pointer: '/code' });
  const found = await campaignForLearner(deps.db, { code });
  const { campaign, organization } = found;
  let me: CampaignLanding['me'] = null;
  if (user) {
    const learner =
      (await learnerOfUser(deps.db, organization.id, user.id)) ??
      (found.isRestricted && organization.type === 'SCO' ? await learnerWithSameNationalStudentId(deps.db, organization.id, user.id) : undefined);
    const participation = await currentParticipation(deps.db, campaign.id, user.id);
    me = {
      isReconciled: learner !== undefined,
      firstName: user.firstName,
      lastName: user.lastName,
      participation: participation ? await myParticipation(deps.db, participation) : null,
      isFirstCampaign: !(await hasAnyParticipation(deps.db, user.id)),
    };
  }
  return {
    id: campaign.id,
    code: campaign.code,
    type: campaign.type as CampaignLanding['type'],
    title: titleOf(found),
    organization: {
      id: organization.id,
      name: organization.name,
      type: organization.type,
      isRestricted: found.isRestricted,
      identityProvider: organization.identityProviderForCampaigns === 'MEDIACENTRE' ? 'MEDIACENTRE' : null,
    },
    customLandingPageText: campaign.customLandingPageText,
    externalIdLabel: campaign.externalIdLabel,
    externalIdType: campaign.externalIdType === 'EMAIL' ? 'EMAIL' : campaign.externalIdType === 'STRING' ? 'STRING' : null,
    multipleSendings: campaign.multipleSendings,
    autoShareAtEnd: organization.autoShareAtEnd,
    isArchived: campaign.archivedAt !== null,
    me,
  };
}

async function requireParticipation(deps: ViewDeps, campaignId: string, userId: string) {
  const found = await campaignForLearner(deps.db, { id: campaignId });
  const participation = await currentParticipation(deps.db, campaignId, userId);
  if (!participation) throw new AppError('PARTICIPATION_NOT_FOUND');
  return { found, participation };
}

function campaignHeader(found: CampaignForLearner): CampaignResults['campaign'] {
  const { campaign, organization } = found;
  return {
    id: campaign.id,
    code: campaign.code,
    title: titleOf(found),
    type: campaign.type as CampaignResults['campaign']['type'],
    organizationName: organization.name,
    customResultPageText: campaign.customResultPageText,
    customResultPageButtonText: campaign.customResultPageButtonText,
    customResultPageButtonUrl: campaign.customResultPageButtonUrl,
    isArchived: campaign.archivedAt !== null,
  };
}

/** When « Retenter » opens, in seconds from now (0 = now); null when it never will (`campaigns-and-participation.md` §5.4). */
function retryIn(found: CampaignForLearner, participation: ParticipationRow, now: Date): number | null {
  const { campaign } = found;
  if (!campaign.multipleSendings || campaign.archivedAt || participation.status !== 'SHARED' || !participation.sharedAt) return null;
  if (campaign.type === 'ASSESSMENT' && Number(participation.masteryRate ?? 0) >= 1) return null;
  const wait = campaignRetryDelay(epochMs(participation.sharedAt.getTime()), epochMs(now.getTime()));
  return Math.ceil(wait.remaining / 1000);
}

/** The end page of an assessment campaign: completion-time values of the test (`content-model.md` §7). */
export async function myResults(deps: ViewDeps, campaignId: string, userId: string): Promise<CampaignResults> {
  const { found, participation } = await requireParticipation(deps, campaignId, userId);
  const [assessment] = await deps.db
    .select()
    .from(assessments)
    .where(eq(assessments.participationId, participation.id))
    .orderBy(desc(assessments.createdAt))
    .limit(1);
  const values = (assessment?.completionResults ?? null) as CampaignResultValues | null;
  const stages = (found.profile?.stages ?? []) as { id: string; title: string; message: string }[];
  const badgeFiles = (found.profile?.badges ?? []) as { key: string; title: string; message: string; imageUrl?: string }[];
  const stage = values?.stage ? stages.find((s) => s.id === values.stage!.stageId) : undefined;
  const now = deps.clock.now();
  const retryInSeconds = retryIn(found, participation, now);
  const profile = found.profile;
  const mayReset =
    found.campaign.type === 'ASSESSMENT' && profile?.areKnowledgeElementsResettable === true && retryInSeconds === 0;
  return {
    campaign: campaignHeader(found),
    participation: await myParticipation(deps.db, participation),
    masteryPercent: values ? percentHalfUp(values.validatedSkillsCount, Math.max(1, values.competences.reduce((n, c) => n + c.total, 0))) : 0,
    stage: values?.stage && stage ? { reached: values.stage.reachedStage, total: values.stage.totalStages, title: stage.title, message: stage.message } : null,
    badges: (values?.badges ?? []).map((b) => {
      const file = badgeFiles.find((f) => f.key === b.key);
      return { key: b.key, title: file?.title ?? b.key, message: file?.message ?? '', imageUrl: file?.imageUrl ?? null, obtained: b.obtained, progress: b.progress };
    }),
    competences: (values?.competences ?? []).map((c) => {
      const competence = deps.content.competence(c.competenceId);
      const area = competence ? deps.content.area(competence.areaId) : undefined;
      return {
        id: c.competenceId,
        index: competence?.index ?? '',
        name: competence?.name.fr ?? c.competenceId,
        areaCode: area?.code ?? '',
        areaColor: area?.color ?? '',
        masteryPercent: c.total === 0 ? 0 : percentHalfUp(c.validated, c.total),
        stars: c.stars,
      };
    }).sort((a, b) => a.index.localeCompare(b.index, 'fr', { numeric: true })),
    canShare: participation.status === 'TO_SHARE' && !found.campaign.archivedAt,
    canRetry: retryInSeconds === 0,
    canReset: mayReset,
    canImprove: mayImprove(found.campaign, participation, assessment?.state ?? null, now),
    retryInSeconds,
  };
}

/** Profile collection: the live profile before sending, with what may be done next. */
export async function myProfileCollection(deps: ViewDeps, campaignId: string, userId: string): Promise<ProfileCollection> {
  const { found, participation } = await requireParticipation(deps, campaignId, userId);
  const { campaign } = found;
  return {
    campaign: campaignHeader(found),
    participation: await myParticipation(deps.db, participation),
    profile: await learnerProfile(deps, userId),
    canShare: participation.status === 'TO_SHARE' && !campaign.archivedAt,
    canSendAgain: participation.status === 'SHARED' && campaign.multipleSendings && !campaign.archivedAt,
  };
}

/** « Mes parcours »: every campaign the learner takes part in, newest first. */
export async function myCampaigns(deps: ViewDeps, userId: string) {
  const rows = await deps.db
    .select({ participation: participations, campaign: campaigns, organizationName: organizations.name })
    .from(participations)
    .innerJoin(campaigns, eq(campaigns.id, participations.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .where(and(eq(participations.userId, userId), isNull(participations.deletedAt), eq(participations.isImproved, false), isNull(campaigns.deletedAt)))
    .orderBy(desc(participations.createdAt));
  const newest = await newestAssessments(
    deps.db,
    rows.map((r) => r.participation.id),
  );
  return {
    items: rows.map((r) => ({
        campaign: {
          id: r.campaign.id,
          code: r.campaign.code,
          title: r.campaign.type === 'PROFILES_COLLECTION' ? null : (r.campaign.title ?? deps.content.release.targetProfiles.find((p) => p.id === r.campaign.targetProfileId)?.name ?? null),
          type: r.campaign.type as CampaignResults['campaign']['type'],
          organizationName: r.organizationName,
        },
        participation: participationView(r.participation, newest.get(r.participation.id)),
        masteryPercent: r.participation.masteryRate === null || r.campaign.type === 'PROFILES_COLLECTION' ? null : Math.round(100 * Number(r.participation.masteryRate)),
      })),
  };
}
