import {
  assessmentSeedFromId,
  currentKnowledgeElements,
  epochMs,
  keptByForgettingRule,
  type KnowledgeFact,
  type SelectionState,
  type TargetSkill,
} from '@jalon/engine';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { fromJsonRow, jsonRow } from '../../platform/db/json-rows';
import { AppError } from '../../platform/http/errors';
import { campaigns, campaignSkills, participations } from '../campaigns/schema';
import type { ContentIndex } from './content-index';
import { toStored } from './knowledge.repository';
import { answers, assessments, knowledgeElements } from './schema';

export type AssessmentRow = typeof assessments.$inferSelect;
export type AnswerRow = typeof answers.$inferSelect;
type StoredElement = ReturnType<typeof toStored>;

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

/**
 * One query: the assessment with its participation and campaign, the campaign's frozen
 * skills, this assessment's answers and the learner's knowledge (an EXAM: the
 * participation's), children aggregated as JSON. Every request of a test runs it, so it is
 * built once per database and prepared (on PostgreSQL, parsed once per connection).
 */
function prepareContextQuery(db: Db) {
  return db
    .select({
      assessment: assessments,
      participation: participations,
      campaign: campaigns,
      targetIds: sql<string[]>`(select coalesce(json_agg(${campaignSkills.skillId} order by ${campaignSkills.skillId}), '[]') from ${campaignSkills} where ${campaignSkills.campaignId} = ${participations.campaignId})`,
      answers: sql<Record<string, unknown>[]>`(select coalesce(json_agg(${jsonRow(answers)} order by ${answers.createdAt}, ${answers.id}), '[]') from ${answers} where ${answers.assessmentId} = ${assessments.id})`,
      // An EXAM's rows carry its participation and never reach the profile; the user's index serves both.
      elements: sql<Record<string, unknown>[]>`(select coalesce(json_agg(${jsonRow(knowledgeElements)} order by ${knowledgeElements.createdAt}, ${knowledgeElements.id}), '[]') from ${knowledgeElements}
        where ${knowledgeElements.userId} = ${assessments.userId}
          and ${knowledgeElements.participationId} is not distinct from (case when ${campaigns.type} = 'EXAM' then ${assessments.participationId} end))`,
    })
    .from(assessments)
    .leftJoin(participations, eq(participations.id, assessments.participationId))
    .leftJoin(campaigns, eq(campaigns.id, participations.campaignId))
    // Someone else's test does not exist, as far as this caller knows.
    .where(and(eq(assessments.id, sql.placeholder('assessmentId')), eq(assessments.userId, sql.placeholder('userId'))))
    .prepare('load_test_context');
}
const contextQueries = new WeakMap<Db, ReturnType<typeof prepareContextQuery>>();

export async function loadTestContext(db: Db, content: ContentIndex, assessmentId: string, userId: string): Promise<TestContext> {
  let query = contextQueries.get(db);
  if (!query) contextQueries.set(db, (query = prepareContextQuery(db)));
  const [row] = await query.execute({ assessmentId, userId });
  if (!row) throw new AppError('ASSESSMENT_NOT_FOUND');
  const { assessment, participation, campaign } = row;
  const targetIds = participation ? row.targetIds : content.competenceSkills(assessment.competenceId ?? '').map((s) => s.id);
  return {
    assessment,
    participation,
    campaign,
    targets: targetIds.flatMap((id) => {
      const target = content.target(id);
      return target ? [target] : [];
    }),
    answers: row.answers.map((a) => fromJsonRow(answers, a)),
    elements: row.elements.map((e) => toStored(fromJsonRow(knowledgeElements, e))),
    isExam: campaign?.type === 'EXAM',
  };
}

/**
 * The learner's kept knowledge on the target skills: the current state under the 4-day
 * rule relative to the assessment's start; this assessment's own elements always stay.
 */
export function keptKnowledge(ctx: TestContext): StoredElement[] {
  const targets = new Set<string>(ctx.targets.map((t) => t.id));
  // An EXAM's elements are the participation's own (loaded that way), which the profile rule would drop.
  const current = currentKnowledgeElements(ctx.elements, ctx.isExam ? 'participation' : 'profile').filter((e) => targets.has(e.skillId));
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
