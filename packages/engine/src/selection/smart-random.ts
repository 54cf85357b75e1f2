import type { SkillId, TubeId } from '../brand';
import { mix, mix32 } from '../random';
import { buildChallengePool, compareIds, preferredChallenges, type ChallengePool } from './challenge-pool';
import { predictLevel, type LevelObservation } from './predicted-level';
import { reward } from './reward';
import type { ChallengeCandidate, NextStep, SelectionState, Selector, TargetSkill } from './types';

/** Level of the first question: hard enough to infer level 1, easy enough not to discourage. */
export const FIRST_QUESTION_LEVEL = 2;
/** Tubes whose hardest skill is at most this level are asked first. */
export const EASY_TUBE_MAX_LEVEL = 3;
/** A skill more than this many levels above the predicted level is too hard to ask. */
export const MAX_LEVEL_GAP = 2;
/** Answers after which a runaway test is ended (spec §6.5). */
export const SMART_RANDOM_ANSWER_CAP = 300;
/** Rewards closer than this to the best one are ties (spec §6.3). */
const REWARD_TOLERANCE = 1e-9;

interface Candidate {
  readonly skill: TargetSkill;
  readonly challenge: ChallengeCandidate;
}

/** Diagnostics of one smart-random step, for tests and the golden masters. */
export interface SmartRandomTrace {
  readonly predictedLevel: number;
  /** Skill ids left after §6.2 and §6.3, sorted by id; empty when the test ends. */
  readonly candidates: readonly SkillId[];
}

/**
 * The reference « smart random » selector (spec §6), kept as the baseline of the benchmark
 * and as the fallback engine. Deterministic: the same state always gives the same step.
 */
export const smartRandom: Selector = {
  name: 'smart-random',
  next: (state) => smartRandomStep(state).step,
};

/** One §6 step with the reasoning that led to it. */
export function smartRandomStep(state: SelectionState): { step: NextStep; trace: SmartRandomTrace } {
  const end = (predictedLevel: number): { step: NextStep; trace: SmartRandomTrace } => ({
    step: { kind: 'end', inferred: [] },
    trace: { predictedLevel, candidates: [] },
  });
  if (state.answers.length >= SMART_RANDOM_ANSWER_CAP) return end(Number.NaN);

  const seed = mix(state.assessmentSeed, state.answers.length);
  const pool = buildChallengePool(state);

  const skillById = new Map<SkillId, TargetSkill>();
  const maxLevelByTube = new Map<TubeId, number>();
  for (const skill of state.skills) {
    skillById.set(skill.id, skill);
    if (!pool.hasChallenges(skill.id)) continue;
    maxLevelByTube.set(skill.tubeId, Math.max(maxLevelByTube.get(skill.tubeId) ?? 0, skill.level));
  }

  const tested = new Set<SkillId>();
  const observations: LevelObservation[] = [];
  for (const fact of state.knowledge) {
    const skill = skillById.get(fact.skillId);
    if (!skill) continue;
    tested.add(fact.skillId);
    if (fact.source === 'direct') observations.push({ level: skill.level, outcome: fact.status === 'validated' ? 1 : 0 });
  }

  const pickSeed = mix32((seed + 1) >>> 0);
  let candidates: Candidate[] = [];
  for (const skill of state.skills) {
    if (tested.has(skill.id)) continue;
    const remaining = pool.remaining(skill.id);
    if (remaining.length === 0) continue;
    const list = preferredChallenges(remaining, state.locale);
    const challenge = list[pickSeed % list.length];
    if (challenge) candidates.push({ skill, challenge });
  }

  const easy = candidates.filter(({ skill }) => (maxLevelByTube.get(skill.tubeId) ?? 0) <= EASY_TUBE_MAX_LEVEL);
  if (easy.length > 0) candidates = easy;

  const untimedIfPossible = (list: Candidate[]): Candidate[] => {
    const untimed = list.filter(({ challenge }) => !challenge.timed);
    return untimed.length > 0 ? untimed : list;
  };

  const isFirstQuestion = state.answers.length === 0;
  let predictedLevel: number;
  if (isFirstQuestion) {
    predictedLevel = FIRST_QUESTION_LEVEL;
    candidates = untimedIfPossible(candidates);
    const atFirstLevel = candidates.filter(({ skill }) => skill.level === FIRST_QUESTION_LEVEL);
    const lowest = Math.min(...candidates.map(({ skill }) => skill.level));
    candidates = atFirstLevel.length > 0 ? atFirstLevel : candidates.filter(({ skill }) => skill.level === lowest);
  } else {
    predictedLevel = predictLevel(observations);
    const last = state.answers[state.answers.length - 1];
    const lastWasTimed = last !== undefined && pool.byId.get(last.challengeId)?.timed === true;
    if (lastWasTimed) candidates = untimedIfPossible(candidates);
    candidates = candidates.filter(({ skill }) => skill.level - predictedLevel <= MAX_LEVEL_GAP);
    candidates = bestRewarded(candidates, predictedLevel, untestedLevelsByTube(state.skills, pool, tested));
  }
  if (candidates.length === 0) return end(predictedLevel);

  candidates.sort((a, b) => compareIds(a.skill.id, b.skill.id));
  const chosen = candidates[mix32(seed) % candidates.length];
  if (!chosen) return end(predictedLevel);
  return {
    step: { kind: 'challenge', challengeId: chosen.challenge.id, skillId: chosen.skill.id, inferred: [] },
    trace: { predictedLevel, candidates: candidates.map(({ skill }) => skill.id) },
  };
}

function untestedLevelsByTube(
  skills: readonly TargetSkill[],
  pool: ChallengePool,
  tested: ReadonlySet<SkillId>,
): Map<TubeId, number[]> {
  const byTube = new Map<TubeId, number[]>();
  for (const skill of skills) {
    if (!pool.hasChallenges(skill.id) || tested.has(skill.id)) continue;
    const levels = byTube.get(skill.tubeId);
    if (levels) levels.push(skill.level);
    else byTube.set(skill.tubeId, [skill.level]);
  }
  return byTube;
}

function bestRewarded(
  candidates: readonly Candidate[],
  predictedLevel: number,
  untestedByTube: ReadonlyMap<TubeId, readonly number[]>,
): Candidate[] {
  const rewards = candidates.map(({ skill }) =>
    reward(skill.level, predictedLevel, untestedByTube.get(skill.tubeId) ?? []),
  );
  const best = Math.max(0, ...rewards);
  if (best === 0) return [];
  return candidates.filter((_, i) => (rewards[i] ?? 0) >= best - REWARD_TOLERANCE);
}
