import type { StartParticipationBody } from '@jalon/contracts';
import { campaignRetryDelay, epochMs, resetElements, skillId, type SkillId } from '@jalon/engine';
import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import { isUniqueViolation } from '../../platform/db/constraints';
import type { Db, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { appendKnowledgeElements, assessments, profileElementsOf, type ContentIndex } from '../assessment';
import { campaignSkills, participations } from '../campaigns/schema';
import type { User } from '../identity';
import { learnerSortKey, organizationLearners } from '../organizations';
import { campaignForLearner, currentParticipation, learnerOfUser, type CampaignForLearner, type ParticipationRow } from './campaign.query';
import { learnerWithSameNationalStudentId, linkLearner } from './reconciliation';

export interface StartDeps {
  db: Db;
  clock: Clock;
  content: ContentIndex;
}

function checkExternalId(campaign: CampaignForLearner['campaign'], value: string | undefined): string | null {
  if (!campaign.externalIdLabel) return null;
  if (!value) throw new AppError('EXTERNAL_ID_REQUIRED', { pointer: '/participantExternalId' });
  if (campaign.externalIdType === 'EMAIL' && !z.email().safeParse(value).success) {
    throw new AppError('EXTERNAL_ID_INVALID_EMAIL', { pointer: '/participantExternalId' });
  }
  return value;
}

/** The retry and reset conditions of §5.4–5.5 on a shared participation. */
function assertMaySendAgain(found: CampaignForLearner, previous: ParticipationRow, body: StartParticipationBody, now: Date): void {
  const { campaign, profile } = found;
  if (campaign.type === 'PROFILES_COLLECTION') return;
  if (!body.reset && campaign.type === 'ASSESSMENT' && Number(previous.masteryRate ?? 0) >= 1) throw new AppError('RETRY_NOT_ALLOWED_FULL_MASTERY');
  const wait = campaignRetryDelay(epochMs(previous.sharedAt!.getTime()), epochMs(now.getTime()));
  if (body.reset && (campaign.type !== 'ASSESSMENT' || !profile?.areKnowledgeElementsResettable || !wait.over)) throw new AppError('RESET_NOT_ALLOWED');
  if (!wait.over) throw new AppError('RETRY_TOO_EARLY', { meta: { remainingSeconds: Math.ceil(wait.remaining / 1000) } });
}

/**
 * Starts (or resumes) the user's participation in a campaign, with the checks of
 * `campaigns-and-participation.md` §5.2 in their order. Returns `created: false` when an
 * unsent participation was resumed, including when a concurrent start won the race.
 */
export async function startParticipation(deps: StartDeps, input: { campaignId: string; user: User; body: StartParticipationBody }) {
  const { db, clock } = deps;
  const found = await campaignForLearner(db, { id: input.campaignId });
  const { campaign, organization } = found;
  if (campaign.archivedAt) throw new AppError('CAMPAIGN_ARCHIVED');
  let learner = await learnerOfUser(db, organization.id, input.user.id);
  if (found.isRestricted && !learner && organization.type === 'SCO') {
    learner = await learnerWithSameNationalStudentId(db, organization.id, input.user.id);
    if (learner) await linkLearner(db, learner.id, input.user.id);
  }
  if (found.isRestricted && !learner) throw new AppError('RECONCILIATION_REQUIRED');
  if (learner?.isDisabled) throw new AppError('LEARNER_DISABLED');

  const previous = learner
    ? (
        await db
          .select()
          .from(participations)
          .where(and(eq(participations.campaignId, campaign.id), eq(participations.organizationLearnerId, learner.id), isNull(participations.deletedAt), eq(participations.isImproved, false)))
          .orderBy(desc(participations.createdAt))
          .limit(1)
      )[0]
    : undefined;
  const now = clock.now();
  // Checked before resuming: nobody resumes or improves another account's participation.
  if (previous && previous.userId !== input.user.id) throw new AppError('LEARNER_ALREADY_PARTICIPATED_WITH_ANOTHER_ACCOUNT');
  if (previous && previous.status !== 'SHARED') {
    if (input.body.retry || input.body.reset) throw new AppError('PARTICIPATION_IN_PROGRESS');
    return { participation: previous, created: false };
  }
  if (previous) {
    if (!campaign.multipleSendings) throw new AppError('PARTICIPATION_ALREADY_EXISTS');
    assertMaySendAgain(found, previous, input.body, now);
  }
  const externalId = previous ? previous.participantExternalId : checkExternalId(campaign, input.body.participantExternalId);
  if (learner && !previous) {
    const [other] = await db
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.organizationLearnerId, learner.id), ne(participations.userId, input.user.id), isNull(participations.deletedAt)))
      .limit(1);
    if (other) throw new AppError('LEARNER_ALREADY_PARTICIPATED_WITH_ANOTHER_ACCOUNT');
  }

  try {
    const participation = await db.transaction(async (tx) => {
      if (!learner) learner = await createLearner(tx, organization.id, input.user);
      if (previous) await tx.update(participations).set({ isImproved: true, updatedAt: now }).where(eq(participations.id, previous.id));
      if (previous && input.body.reset) await writeResets(deps, tx, input.user.id, campaign.id, now);
      const [created] = await tx
        .insert(participations)
        .values({
          campaignId: campaign.id,
          userId: input.user.id,
          organizationLearnerId: learner.id,
          status: campaign.type === 'PROFILES_COLLECTION' ? 'TO_SHARE' : 'STARTED',
          participantExternalId: externalId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (campaign.type !== 'PROFILES_COLLECTION') {
        await tx.insert(assessments).values({
          userId: input.user.id,
          type: 'CAMPAIGN',
          participationId: created!.id,
          isImproving: previous !== undefined,
          method: campaign.assessmentMethod,
          locale: input.user.lang === 'en' ? 'en' : 'fr',
          createdAt: now,
          updatedAt: now,
        });
      }
      return created!;
    });
    return { participation, created: true };
  } catch (error) {
    // A concurrent first start created this account's learner record first: start again, on it.
    if (isUniqueViolation(error, 'one_learner_per_account_in_organization')) return startParticipation(deps, input);
    if (!isUniqueViolation(error, 'one_active_participation_per_learner')) throw error;
    const winner = await currentParticipation(db, campaign.id, input.user.id);
    if (!winner) throw error;
    return { participation: winner, created: false };
  }
}

/** A learner record from the account's names, for an organization that is not restricted. */
async function createLearner(tx: Tx, organizationId: string, user: User) {
  const [learner] = await tx
    .insert(organizationLearners)
    .values({
      organizationId,
      userId: user.id,
      firstName: user.firstName,
      lastName: user.lastName,
      sortKey: learnerSortKey(user.lastName, user.firstName),
      email: user.email,
    })
    .returning();
  return learner!;
}

/** « Remettre à zéro »: a reset element for each current element on the campaign's skills. */
async function writeResets(deps: StartDeps, tx: Tx, userId: string, campaignId: string, now: Date) {
  const skills = await tx.select({ skillId: campaignSkills.skillId }).from(campaignSkills).where(eq(campaignSkills.campaignId, campaignId));
  const targets = new Set<SkillId>(skills.map((s) => skillId(s.skillId)));
  const drafts = resetElements(await profileElementsOf(tx, userId), targets, epochMs(now.getTime()));
  await appendKnowledgeElements(tx, drafts, { userId, assessmentId: null, answerId: null, participationId: null }, (id) => deps.content.skill(id)?.tubeId ?? '');
}

/** Whether « Retenter les questions échouées » is open on an unsent participation (§5.4). */
export function mayImprove(campaign: CampaignForLearner['campaign'], participation: ParticipationRow, assessmentState: string | null, now: Date): boolean {
  return (
    campaign.type === 'ASSESSMENT' &&
    !campaign.archivedAt &&
    participation.status === 'TO_SHARE' &&
    assessmentState === 'completed' &&
    campaignRetryDelay(epochMs(participation.createdAt.getTime()), epochMs(now.getTime())).over
  );
}

/**
 * « Retenter les questions échouées » before sending: a new improving assessment within the
 * same participation; by the 4-day rule only the skills failed long enough ago are asked again.
 */
export async function improveParticipation(deps: StartDeps, input: { participationId: string; user: User }) {
  const [participation] = await deps.db
    .select()
    .from(participations)
    .where(and(eq(participations.id, input.participationId), eq(participations.userId, input.user.id), isNull(participations.deletedAt)));
  if (!participation) throw new AppError('PARTICIPATION_NOT_FOUND');
  const found = await campaignForLearner(deps.db, { id: participation.campaignId });
  const [latest] = await deps.db
    .select({ state: assessments.state })
    .from(assessments)
    .where(eq(assessments.participationId, participation.id))
    .orderBy(desc(assessments.createdAt))
    .limit(1);
  const now = deps.clock.now();
  if (!mayImprove(found.campaign, participation, latest?.state ?? null, now)) throw new AppError('IMPROVE_NOT_ALLOWED');
  return deps.db.transaction(async (tx) => {
    const moved = await tx
      .update(participations)
      .set({ status: 'STARTED', updatedAt: now })
      .where(and(eq(participations.id, participation.id), eq(participations.status, 'TO_SHARE')))
      .returning();
    if (moved.length === 0) throw new AppError('IMPROVE_NOT_ALLOWED');
    await tx.insert(assessments).values({
      userId: input.user.id,
      type: 'CAMPAIGN',
      participationId: participation.id,
      isImproving: true,
      method: found.campaign.assessmentMethod,
      locale: input.user.lang === 'en' ? 'en' : 'fr',
      createdAt: now,
      updatedAt: now,
    });
    return moved[0]!;
  });
}
