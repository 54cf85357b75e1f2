import type { AnswerBody, AnswerResponse, NextStep, RunnerChallenge } from '@jalon/contracts';
import {
  checkAnswer,
  competenceScore,
  createRandom,
  currentKnowledgeElements,
  epochMs,
  jalonSelector,
  knowledgeElementsForAnswer,
  knowledgeElementsFromModel,
  percentHalfUp,
  pix,
  skillsAssessedHere,
  smartRandom,
  type MeasuredSkill,
  type ModelInference,
  type Selector,
} from '@jalon/engine';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/errors';
import { campaignSkills, participations } from '../campaigns/schema';
import { targetProfiles } from '../catalogue/schema';
import { campaignResultValues } from './campaign-results';
import type { ContentIndex } from './content-index';
import { appendKnowledgeElements } from './knowledge.repository';
import { answers, assessments } from './schema';
import { keptKnowledge, loadTestContext, selectionState, type TestContext } from './test-context';

/** A checkpoint comes after every this many answers (`campaigns-and-participation.md` §6). */
export const CHECKPOINT_EVERY = 5;

export interface RunnerDeps {
  db: Db;
  clock: Clock;
  content: ContentIndex;
  /** Builds the learner's view of a challenge (the same as the admin preview). */
  learnerChallenge(challengeId: string): Omit<RunnerChallenge, 'optionOrder'>;
  /** Shares a participation in the completing transaction when its organization asks for it. */
  autoShare(tx: Tx, participationId: string): Promise<void>;
}

const selectors: Record<string, Selector> = { SMART_RANDOM: smartRandom, JALON: jalonSelector };

function selectorFor(ctx: TestContext): Selector {
  return selectors[ctx.assessment.method] ?? smartRandom;
}

/** QCU/QCM options in an order seeded by (assessment, challenge): stable across reloads, different between pupils. */
function optionOrder(assessmentId: string, challenge: Omit<RunnerChallenge, 'optionOrder'>): number[] | null {
  if (!challenge.shuffled || challenge.answerArea.kind !== 'options') return null;
  const order = challenge.answerArea.options.map((_, i) => i + 1);
  let seed = 0;
  for (const c of `${assessmentId}/${challenge.id}`) seed = (Math.imul(seed, 31) + c.charCodeAt(0)) >>> 0;
  const random = createRandom(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Writes the knowledge an engine concluded from its model when it closed tubes early
 * (`inference: model`); returns whether anything was written.
 */
async function writeModelClosures(deps: RunnerDeps, tx: Tx, ctx: TestContext, inferred: readonly ModelInference[]): Promise<boolean> {
  if (inferred.length === 0) return false;
  const targets = ctx.targets.flatMap((t) => deps.content.measured(t.id) ?? []);
  const here = skillsAssessedHere(targets, ctx.elements.filter((e) => e.assessmentId === ctx.assessment.id));
  const drafts = knowledgeElementsFromModel(inferred, targets, here, epochMs(deps.clock.now().getTime()));
  await appendKnowledgeElements(
    tx,
    drafts,
    { userId: ctx.assessment.userId, assessmentId: ctx.assessment.id, answerId: null, participationId: ctx.isExam ? ctx.participation!.id : null },
    (id) => deps.content.skill(id)!.tubeId,
  );
  return drafts.length > 0;
}

/**
 * Ends a test: the assessment is completed, a campaign participation waits to be sent
 * (with its completion-time results for the end page), and sent at once if the
 * organization chose automatic sending.
 */
async function complete(deps: RunnerDeps, tx: Tx, ctx: TestContext, inferred: readonly ModelInference[]) {
  const now = deps.clock.now();
  if (await writeModelClosures(deps, tx, ctx, inferred)) ctx = await loadTestContext(tx, deps.content, ctx.assessment.id, ctx.assessment.userId);
  let completionResults = null;
  if (ctx.campaign && ctx.participation) {
    const skills = await tx.select().from(campaignSkills).where(eq(campaignSkills.campaignId, ctx.campaign.id));
    const [profile] = ctx.campaign.targetProfileId ? await tx.select().from(targetProfiles).where(eq(targetProfiles.id, ctx.campaign.targetProfileId)) : [];
    completionResults = campaignResultValues(skills, profile ?? null, currentKnowledgeElements(ctx.elements));
  }
  const done = await tx
    .update(assessments)
    .set({ state: 'completed', completedAt: now, updatedAt: now, lastChallengeId: null, lastChallengeServedAt: null, completionResults })
    .where(and(eq(assessments.id, ctx.assessment.id), eq(assessments.state, 'started')))
    .returning({ id: assessments.id });
  if (done.length === 0 || !ctx.participation) return;
  await tx
    .update(participations)
    .set({ status: 'TO_SHARE', updatedAt: now })
    .where(and(eq(participations.id, ctx.participation.id), eq(participations.status, 'STARTED')));
  await deps.autoShare(tx, ctx.participation.id);
}

/**
 * Chooses what comes next and remembers it, so that a reload serves the same challenge;
 * ends the test when the selector has nothing left to ask.
 */
async function advance(deps: RunnerDeps, ctx: TestContext, serve: boolean): Promise<'challenge' | 'end'> {
  const step = selectorFor(ctx).next(selectionState(ctx, deps.content));
  if (step.kind === 'end') {
    await deps.db.transaction((tx) => complete(deps, tx, ctx, step.inferred));
    return 'end';
  }
  await deps.db.transaction(async (tx) => {
    // Tubes the model closed before this question are written now, as the benchmark measured.
    await writeModelClosures(deps, tx, ctx, step.inferred);
    await tx
      .update(assessments)
      .set({ lastChallengeId: step.challengeId, lastChallengeServedAt: serve ? deps.clock.now() : null, updatedAt: deps.clock.now() })
      .where(and(eq(assessments.id, ctx.assessment.id), isNull(assessments.lastChallengeId)));
  });
  return 'challenge';
}

export async function nextStep(deps: RunnerDeps, input: { assessmentId: string; userId: string; start: boolean }): Promise<NextStep> {
  let ctx = await loadTestContext(deps.db, deps.content, input.assessmentId, input.userId);
  if (ctx.assessment.state === 'started' && !ctx.assessment.lastChallengeId) {
    await advance(deps, ctx, input.start);
    ctx = await loadTestContext(deps.db, deps.content, input.assessmentId, input.userId);
  }
  const answerCount = ctx.answers.length;
  if (ctx.assessment.state !== 'started' || !ctx.assessment.lastChallengeId) {
    return { kind: 'end', answerCount, alreadyKnown: answerCount === 0 };
  }
  let servedAt = ctx.assessment.lastChallengeServedAt;
  if (!servedAt && input.start) {
    // Chosen after the previous answer; the clock of a timed challenge starts when it is first shown.
    servedAt = deps.clock.now();
    await deps.db
      .update(assessments)
      .set({ lastChallengeServedAt: servedAt })
      .where(and(eq(assessments.id, ctx.assessment.id), isNull(assessments.lastChallengeServedAt)));
  }
  const view = deps.learnerChallenge(ctx.assessment.lastChallengeId);
  return {
    kind: 'challenge',
    challenge: { ...view, optionOrder: optionOrder(ctx.assessment.id, view) },
    position: (answerCount % CHECKPOINT_EVERY) + 1,
    answerCount,
    servedAt: servedAt?.toISOString() ?? null,
  };
}

function nextAfter(answerCount: number, ended: boolean): AnswerResponse['next'] {
  if (ended) return 'end';
  return answerCount % CHECKPOINT_EVERY === 0 ? 'checkpoint' : 'challenge';
}

/** The competence level before and after an answer's elements, for the « Niveau gagné » notice. */
function levelUpOf(deps: RunnerDeps, ctx: TestContext, competenceId: string, added: readonly { skillId: string; status: string; earnedPix: number }[]) {
  const competence = deps.content.competence(competenceId);
  if (!competence || competence.origin !== 'jalon') return null;
  const exact = (elements: readonly { skillId: string; status: string; earnedPix: number }[]) => {
    const latest = new Map<string, { status: string; earnedPix: number }>();
    for (const e of elements) latest.set(e.skillId, e);
    let sum = 0;
    for (const [skill, e] of latest) if (deps.content.skill(skill)?.competenceId === competenceId && e.status === 'validated') sum += e.earnedPix;
    return competenceScore(pix(sum)).level;
  };
  const before = exact(ctx.elements);
  const after = exact([...ctx.elements, ...added]);
  return after > before ? { competenceName: competence.name.fr, level: after } : null;
}

/**
 * Records an answer to the served challenge and the knowledge it proves, then chooses the
 * next step. Sending the same challenge's answer again returns the first verdict.
 */
export async function recordAnswer(deps: RunnerDeps, input: { assessmentId: string; userId: string; body: AnswerBody }): Promise<AnswerResponse> {
  const ctx = await loadTestContext(deps.db, deps.content, input.assessmentId, input.userId);
  const { body } = input;
  const previous = ctx.answers.find((a) => a.challengeId === body.challengeId);
  if (previous) {
    return {
      answerId: previous.id,
      result: previous.result as AnswerResponse['result'],
      levelUp: null,
      next: nextAfter(ctx.answers.length, ctx.assessment.state !== 'started'),
    };
  }
  if (ctx.assessment.state !== 'started') throw new AppError('ASSESSMENT_COMPLETED');
  if (ctx.assessment.lastChallengeId !== body.challengeId) throw new AppError('CHALLENGE_NOT_SERVED', { pointer: '/challengeId' });

  const now = deps.clock.now();
  const challenge = deps.content.challenge(body.challengeId)!;
  const checked = checkAnswer(
    deps.content.checkable(body.challengeId),
    body.skipped ? { skipped: true } : { value: body.value ?? '' },
    { askedAt: epochMs((ctx.assessment.lastChallengeServedAt ?? now).getTime()), receivedAt: epochMs(now.getTime()), focusedOut: body.focusedOut },
  );
  if (!checked.accepted) throw new AppError(checked.rejection, { pointer: '/value' });

  const targets = ctx.targets.flatMap((t) => deps.content.measured(t.id) ?? []);
  const here = skillsAssessedHere(targets, ctx.elements.filter((e) => e.assessmentId === ctx.assessment.id));
  const drafts = knowledgeElementsForAnswer({ skillId: challenge.skillId as MeasuredSkill['id'], result: checked.result }, targets, here, epochMs(now.getTime()));
  const value = body.skipped ? '#ABAND#' : typeof body.value === 'string' ? body.value : JSON.stringify(body.value ?? {});

  const recorded = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(answers)
      .values({
        assessmentId: ctx.assessment.id,
        challengeId: body.challengeId,
        skillId: challenge.skillId,
        value,
        result: checked.result,
        resultDetails: checked.details,
        timeSpentMs: checked.timeSpent,
        focusedOut: body.focusedOut,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    const elements = await appendKnowledgeElements(
      tx,
      drafts,
      { userId: ctx.assessment.userId, assessmentId: ctx.assessment.id, answerId: row.id, participationId: ctx.isExam ? ctx.participation!.id : null },
      (id) => deps.content.skill(id)!.tubeId,
    );
    await tx.update(assessments).set({ lastChallengeId: null, lastChallengeServedAt: null, updatedAt: now }).where(eq(assessments.id, ctx.assessment.id));
    return { answer: row, elements };
  });
  // A concurrent duplicate won the race: answer as the first one did.
  if (!recorded) return recordAnswer(deps, input);

  const levelUp = checked.result === 'ok' && !ctx.isExam ? levelUpOf(deps, ctx, challenge.competenceId, drafts) : null;
  // What was just written, appended in memory: the next step needs no second read of the test.
  const after: TestContext = {
    ...ctx,
    assessment: { ...ctx.assessment, lastChallengeId: null, lastChallengeServedAt: null, updatedAt: now },
    answers: [...ctx.answers, recorded.answer],
    elements: [...ctx.elements, ...recorded.elements],
  };
  const ended = (await advance(deps, after, false)) === 'end';
  return { answerId: recorded.answer.id, result: checked.result, levelUp, next: nextAfter(after.answers.length, ended) };
}

/** Share of the target skills measured so far, in whole percent (100 once completed). */
export function progressionPercent(ctx: TestContext): number {
  if (ctx.assessment.state === 'completed' || ctx.targets.length === 0) return 100;
  const known = new Set<string>(keptKnowledge(ctx).map((e) => e.skillId));
  return percentHalfUp(ctx.targets.filter((t) => known.has(t.id)).length, ctx.targets.length);
}
