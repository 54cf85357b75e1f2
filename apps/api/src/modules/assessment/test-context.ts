import {
  assessmentSeedFromId,
  currentKnowledgeElements,
  epochMs,
  keptByForgettingRule,
  type KnowledgeFact,
  type SelectionState,
  type TargetSkill,
} from '@jalon/engine';
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { campaigns, campaignSkills, participations } from '../campaigns/schema';
import type { ContentIndex } from './content-index';
import { participationElementsOf, profileElementsOf } from './knowledge.repository';
import { answers, assessments } from './schema';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
type StoredElement = Awaited<ReturnType<typeof profileElementsOf>>[number];

/**
 * Everything a step of a test depends on, read in one place: the assessment, its campaign
 * (if any), the target skills, this assessment's answers and the learner's knowledge.
 */
export interface TestContext {
  assessment: AssessmentRow;
  participation: typeof participations.$inferSelect | null;
  campaign: typeof campaigns.$inferSelect | null;
  targets: TargetSkill[];
  answers: AnswerRow[];
  /** The learner's elements (an EXAM: the participation's), oldest first. */
  elements: StoredElement[];
  isExam: boolean;
}

export async function loadTestContext(executor: Executor, content: ContentIndex, assessmentId: string, userId: string): Promise<TestContext> {
  const [assessment] = await executor.select().from(assessments).where(eq(assessments.id, assessmentId));
  // Someone else's test does not exist, as far as this caller knows.
  if (!assessment || assessment.userId !== userId) throw new AppError('ASSESSMENT_NOT_FOUND');
  let participation = null;
  let campaign = null;
  let targetIds: string[];
  if (assessment.participationId) {
    [participation] = await executor.select().from(participations).where(eq(participations.id, assessment.participationId));
    [campaign] = await executor.select().from(campaigns).where(eq(campaigns.id, participation!.campaignId));
    const rows = await executor.select({ skillId: campaignSkills.skillId }).from(campaignSkills).where(eq(campaignSkills.campaignId, campaign!.id));
    targetIds = rows.map((r) => r.skillId);
  } else {
    targetIds = content.competenceSkills(assessment.competenceId ?? '').map((s) => s.id);
  }
  const isExam = campaign?.type === 'EXAM';
  const answerRows = await executor.select().from(answers).where(eq(answers.assessmentId, assessment.id)).orderBy(asc(answers.createdAt), asc(answers.id));
  const elements = isExam ? await participationElementsOf(executor, participation!.id) : await profileElementsOf(executor, userId);
  return {
    assessment,
    participation: participation ?? null,
    campaign: campaign ?? null,
    targets: targetIds.flatMap((id) => {
      const target = content.target(id);
      return target ? [target] : [];
    }),
    answers: answerRows,
    elements,
    isExam,
  };
}

/**
 * The learner's kept knowledge on the target skills: the current state under the 4-day
 * rule relative to the assessment's start; this assessment's own elements always stay.
 */
export function keptKnowledge(ctx: TestContext): StoredElement[] {
  const targets = new Set<string>(ctx.targets.map((t) => t.id));
  const current = currentKnowledgeElements(ctx.elements).filter((e) => targets.has(e.skillId));
  const kept = new Set(keptByForgettingRule(current, epochMs(ctx.assessment.createdAt.getTime())));
  return current.filter((e) => kept.has(e) || e.assessmentId === ctx.assessment.id);
}

export function selectionState(ctx: TestContext, content: ContentIndex): SelectionState {
  const validatedOnly = ctx.assessment.type === 'COMPETENCE_EVALUATION';
  const knowledge: KnowledgeFact[] = keptKnowledge(ctx).map((e) => ({
    skillId: e.skillId,
    status: e.status === 'validated' ? 'validated' : 'invalidated',
    source: e.source,
    fromThisAssessment: e.assessmentId === ctx.assessment.id,
  }));
  // A campaign's skills are frozen and a competence's change only with the release, so the
  // arrays are built once per process and keep the identity the engine caches on.
  const key = ctx.campaign ? `campaign:${ctx.campaign.id}` : `competence:${ctx.assessment.competenceId}`;
  const { skills, challenges } = content.memo(key, () => ({
    skills: ctx.targets,
    challenges: ctx.targets.flatMap((t) => content.candidates(t.id, validatedOnly)),
  }));
  return {
    skills,
    challenges,
    knowledge,
    answers: ctx.answers.map((a) => ({
      challengeId: a.challengeId as SelectionState['answers'][number]['challengeId'],
      result: a.result as SelectionState['answers'][number]['result'],
    })),
    assessmentSeed: assessmentSeedFromId(ctx.assessment.id),
    locale: ctx.assessment.locale,
  };
}
