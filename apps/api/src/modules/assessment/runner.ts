import type { AnswerBody, AnswerResponse, ChallengeStep, NextStep, RunnerChallenge } from '@jalon/contracts';
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
 * (`inference: model`); returns the test with those elements.
 */
async function writeModelClosures(deps: RunnerDeps, tx: Tx, ctx: TestContext, inferred: readonly ModelInference[]): Promise<TestContext> {
  if (inferred.length === 0) return ctx;
  const targets = ctx.targets.flatMap((t) => deps.content.measured(t.id) ?? []);
  const here = skillsAssessedHere(targets, ctx.elements.filter((e) => e.assessmentId === ctx.assessment.id));
  const drafts = knowledgeElementsFromModel(inferred, targets, here, epochMs(deps.clock.now().getTime()));
  const written = await appendKnowledgeElements(
    tx,
    drafts,
    { userId: ctx.assessment.userId, assessmentId: ctx.assessment.id, answerId: null, participationId: ctx.isExam ? ctx.participation!.id : null },
    (id) => deps.content.skill(id)!.tubeId,
  );
  return written.length > 0 ? { ...ctx, elements: [...ctx.elements, ...written] } : ctx;
}

/**
 * Ends a test: the assessment is completed, a campaign participation waits to be sent
 * (with its completion-time results for the end page), and sent at once if the
 * organization chose automatic sending.
 */
async function complete(deps: RunnerDeps, tx: Tx, ctx: TestContext) {
  const now = deps.clock.now();
  let completionResults = null;
  if (ctx.campaign && ctx.participation) {
    const skills = await tx.select().from(campaignSkills).where(eq(campaignSkills.campaignId, ctx.campaign.id));
    const [profile] = ctx.campaign.targetProfileId ? await tx.select().from(targetProfiles).where(eq(targetProfiles.id, ctx.campaign.targetProfileId)) : [];
    completionResults = campaignResultValues(skills, profile ?? null, currentKnowledgeElements(ctx.elements, ctx.isExam ? 'participation' : 'profile'));
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

/** The challenge a test serves next, or its end; null when another request chose first. */
type Advance = { kind: 'challenge'; challengeId: string; servedAt: Date | null } | { kind: 'end' } | null;

/**
 * Chooses what comes after the test as read and remembers it, so that a reload serves the
 * same challenge; ends the test when the selector has nothing left to ask. `serve` says
 * whether the chosen challenge is shown now (its clock starts). A test whose served
 * challenge was just answered in `tx` (`answered`) is updated whatever it holds;
 * otherwise only if no challenge is served yet, so concurrent requests choose once.
 */
async function advance(deps: RunnerDeps, tx: Tx, ctx: TestContext, options: { answered: boolean; serve: (challengeId: string) => boolean }): Promise<Advance> {
  const step = selectorFor(ctx).next(selectionState(ctx, deps.content));
  // Tubes the model closed before this question (or at the end) are written with it, as the benchmark measured.
  if (step.kind === 'end') {
    await complete(deps, tx, await writeModelClosures(deps, tx, ctx, step.inferred));
    return { kind: 'end' };
  }
  const now = deps.clock.now();
  const servedAt = options.serve(step.challengeId) ? now : null;
  const chosen = await tx
    .update(assessments)
    .set({ lastChallengeId: step.challengeId, lastChallengeServedAt: servedAt, updatedAt: now })
    .where(options.answered ? eq(assessments.id, ctx.assessment.id) : and(eq(assessments.id, ctx.assessment.id), isNull(assessments.lastChallengeId)))
    .returning({ id: assessments.id });
  // Another request chose first: its closures stand, these would repeat them.
  if (chosen.length === 0) return null;
  await writeModelClosures(deps, tx, ctx, step.inferred);
  return { kind: 'challenge', challengeId: step.challengeId, servedAt };
}

function challengeStep(deps: RunnerDeps, assessmentId: string, challengeId: string, answerCount: number, servedAt: Date | null): ChallengeStep {
  const view = deps.learnerChallenge(challengeId);
  return {
    kind: 'challenge',
    challenge: { ...view, optionOrder: optionOrder(assessmentId, view) },
    position: (answerCount % CHECKPOINT_EVERY) + 1,
    answerCount,
    servedAt: servedAt?.toISOString() ?? null,
  };
}

export async function nextStep(deps: RunnerDeps, input: { assessmentId: string; userId: string; start: boolean }): Promise<NextStep> {
  const ctx = await loadTestContext(deps.db, deps.content, input.assessmentId, input.userId);
  const answerCount = ctx.answers.length;
  let challengeId = ctx.assessment.lastChallengeId;
  let servedAt = ctx.assessment.lastChallengeServedAt;
  if (ctx.assessment.state === 'started' && !challengeId) {
    const chosen = await deps.db.transaction((tx) => advance(deps, tx, ctx, { answered: false, serve: () => input.start }));
    // Another request chose first: serve what it chose.
    if (!chosen) return nextStep(deps, input);
    if (chosen.kind === 'end') return { kind: 'end', answerCount, alreadyKnown: answerCount === 0 };
    ({ challengeId, servedAt } = chosen);
  }
  if (ctx.assessment.state !== 'started' || !challengeId) {
    return { kind: 'end', answerCount, alreadyKnown: answerCount === 0 };
  }
  if (!servedAt && input.start) {
    // Chosen after the previous answer; the clock of a timed challenge starts when it is first shown.
    servedAt = deps.clock.now();
    await deps.db
      .update(assessments)
      .set({ lastChallengeServedAt: servedAt })
      .where(and(eq(assessments.id, ctx.assessment.id), isNull(assessments.lastChallengeServedAt)));
  }
  return challengeStep(deps, ctx.assessment.id, challengeId, answerCount, servedAt);
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
 * Records an answer to the served challenge and the knowledge it proves, and chooses the
 * next step, all in one transaction: the test never rests between an answer and its next
 * step. Directly after the answer (not before a checkpoint) the next challenge is served at
 * once, unless it is timed (its warning comes first), and comes back in the response, so
 * the runner needs no `GET …/next`. Sending the same challenge's answer again returns the
 * first verdict. `admit` runs first in the transaction (the rate limit), so a refused
 * answer leaves nothing behind.
 */
export async function recordAnswer(
  deps: RunnerDeps,
  input: { assessmentId: string; userId: string; body: AnswerBody; admit(tx: Tx): Promise<void> },
): Promise<AnswerResponse> {
  const ctx = await loadTestContext(deps.db, deps.content, input.assessmentId, input.userId);
  const { body } = input;
  const previous = ctx.answers.find((a) => a.challengeId === body.challengeId);
  if (previous) {
    return {
      answerId: previous.id,
      result: previous.result as AnswerResponse['result'],
      levelUp: null,
      next: nextAfter(ctx.answers.length, ctx.assessment.state !== 'started'),
      step: null,
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
  const answerCount = ctx.answers.length + 1;
  const next = (ended: boolean) => nextAfter(answerCount, ended);

  const recorded = await deps.db.transaction(async (tx) => {
    await input.admit(tx);
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
    // What was just written, appended in memory: the next step needs no second read of the test.
    const after: TestContext = {
      ...ctx,
      assessment: { ...ctx.assessment, lastChallengeId: null, lastChallengeServedAt: null, updatedAt: now },
      answers: [...ctx.answers, row],
      elements: [...ctx.elements, ...elements],
    };
    // Before a checkpoint the learner reads corrections first: the challenge after it starts when shown.
    const serve = (id: string) => next(false) === 'challenge' && deps.content.challenge(id)?.timer === undefined;
    return { answer: row, step: await advance(deps, tx, after, { answered: true, serve }) };
  });
  // A concurrent duplicate won the race: answer as the first one did.
  if (!recorded) return recordAnswer(deps, input);

  const levelUp = checked.result === 'ok' && !ctx.isExam ? levelUpOf(deps, ctx, challenge.competenceId, drafts) : null;
  const { step } = recorded;
  const ended = step?.kind === 'end';
  return {
    answerId: recorded.answer.id,
    result: checked.result,
    levelUp,
    next: next(ended),
    step: step?.kind === 'challenge' && next(false) === 'challenge' ? challengeStep(deps, ctx.assessment.id, step.challengeId, answerCount, step.servedAt) : null,
  };
}

/** Share of the target skills measured so far, in whole percent (100 once completed). */
export function progressionPercent(ctx: TestContext): number {
  if (ctx.assessment.state === 'completed' || ctx.targets.length === 0) return 100;
  const known = new Set<string>(keptKnowledge(ctx).map((e) => e.skillId));
  return percentHalfUp(ctx.targets.filter((t) => known.has(t.id)).length, ctx.targets.length);
}
