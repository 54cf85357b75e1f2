import type { ChallengeId, SkillId } from '../brand';
import type { AnsweredChallenge, ChallengeCandidate, Selector, TargetSkill } from '../selection/types';
import { KnowledgeLog, type PriorElement } from './knowledge-log';
import type { SyntheticLearner } from './learner';

/** Answers after which the simulation stops an engine that never ends. */
const RUNAWAY_CAP = 400;

/** What one simulated assessment produced. */
export interface AssessmentOutcome {
  readonly questions: number;
  readonly seen: readonly ChallengeId[];
  /** Final validated status of every target skill. */
  readonly validated: ReadonlySet<SkillId>;
  /** Duration of each `next` call, in ms; empty without a clock. */
  readonly latenciesMs: readonly number[];
}

/** Inputs of one simulated assessment. */
export interface AssessmentRun {
  readonly selector: Selector;
  readonly skills: readonly TargetSkill[];
  readonly challenges: readonly ChallengeCandidate[];
  readonly learner: SyntheticLearner;
  readonly prior: readonly PriorElement[];
  readonly assessmentSeed: number;
  /** A monotonic clock in ms, injected to time `next`; omitted in tests. */
  readonly clock?: () => number;
}

/** Runs one learner through one engine until it ends the test. */
export function runAssessment(run: AssessmentRun): AssessmentOutcome {
  const { selector, skills, challenges, learner, clock } = run;
  const log = new KnowledgeLog(skills, run.prior);
  const byId = new Map<ChallengeId, ChallengeCandidate>();
  for (const challenge of challenges) byId.set(challenge.id, challenge);
  const answers: AnsweredChallenge[] = [];
  const latenciesMs: number[] = [];
  while (answers.length < RUNAWAY_CAP) {
    const state = {
      skills,
      challenges,
      knowledge: log.kept(),
      answers,
      assessmentSeed: run.assessmentSeed,
      locale: 'fr',
    };
    const started = clock?.();
    const step = selector.next(state);
    if (clock && started !== undefined) latenciesMs.push(clock() - started);
    log.recordInferences(step.inferred);
    if (step.kind === 'end') break;
    const challenge = byId.get(step.challengeId);
    if (!challenge) throw new Error(`${selector.name} served unknown challenge ${step.challengeId}`);
    const result = learner.answer(challenge);
    answers.push({ challengeId: challenge.id, result });
    log.recordAnswer(challenge.skillId, result === 'ok');
  }
  const validated = new Set<SkillId>();
  for (const skill of skills) if (log.isValidated(skill.id)) validated.add(skill.id);
  return { questions: answers.length, seen: answers.map((answer) => answer.challengeId), validated, latenciesMs };
}
