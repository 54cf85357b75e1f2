import type { ChallengeId, SkillId, TubeId } from '../brand';
import { createRandom, mix } from '../random';
import type { AnswerResult, ChallengeType } from '../answer-checking';
import type { Bank } from './bank';
import type { LearnerModel } from './learner-model';

/** A synthetic learner: a true level per tube, the skills mastered, and how answers fall. */
export interface SyntheticLearner {
  readonly seed: number;
  /** True tube level T, 0 … the tube's max level. */
  readonly tubeLevel: ReadonlyMap<TubeId, number>;
  /** Whether each skill of the bank is mastered. */
  readonly mastered: ReadonlySet<SkillId>;
  /** The result this learner gives to a challenge; the same skill and type always give the same one. */
  answer(challenge: { readonly id: ChallengeId; readonly skillId: SkillId; readonly type: ChallengeType }): AnswerResult;
}

/** A learner of the population, with the true abilities it was drawn from (no selector sees them; studies of bounds may). */
export interface DrawnLearner extends SyntheticLearner {
  /** General ability θ. */
  readonly ability: number;
  /** Competence abilities θ_c, by competence id. */
  readonly competenceAbility: ReadonlyMap<string, number>;
}

/** Half-up rounding of a simulated real value (spec README, conventions). */
const roundHalfUp = (x: number): number => Math.floor(x + 0.5);

/** 32-bit FNV-1a of a string: a stable key for a challenge id. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Draws learner `seed` of the population (spec §8.1). Abilities are drawn in framework order,
 * independently of the scenario. Each answer is a fixed function of (learner, skill, type):
 * whichever challenge of a skill an engine serves, the learner's luck on that skill is the same
 * for both engines (common random numbers), which narrows the paired intervals.
 */
export function drawLearner(seed: number, bank: Bank, model: LearnerModel): DrawnLearner {
  const random = createRandom(seed, 0x1ea2);
  const ability = model.abilityMean + model.abilitySd * random.normal();
  const competenceAbility = new Map<string, number>();
  const tubeLevel = new Map<TubeId, number>();
  for (const tube of bank.tubes) {
    let thetaC = competenceAbility.get(tube.competenceId);
    if (thetaC === undefined) {
      thetaC = ability + model.competenceSd * random.normal();
      competenceAbility.set(tube.competenceId, thetaC);
    }
    const level = roundHalfUp(thetaC + model.tubeSd * random.normal());
    tubeLevel.set(tube.id, Math.min(Math.max(level, 0), tube.maxLevel));
  }

  // A separate stream, so that disorder never changes the levels drawn above.
  const disorder = createRandom(seed, 0xd150);
  const mastered = new Set<SkillId>();
  for (const tube of bank.tubes) {
    const level = tubeLevel.get(tube.id) ?? 0;
    for (const skill of tube.skills) {
      const flips = model.disorder > 0 && (skill.level === level || skill.level === level + 1) && disorder.next() < model.disorder;
      if ((skill.level <= level) !== flips) mastered.add(skill.id);
    }
  }

  const learnerKey = mix(seed, 0xa115);
  return {
    seed,
    ability,
    competenceAbility,
    tubeLevel,
    mastered,
    answer(challenge) {
      const u = mix(learnerKey, hashString(challenge.skillId)) / 4294967296;
      if (mastered.has(challenge.skillId)) return u < model.okIfMastered ? 'ok' : 'ko';
      if (u < model.skipIfNotMastered) return 'aband';
      const guess = challenge.type === 'QCU' ? model.guessQcu : model.guessOther;
      return u < model.skipIfNotMastered + guess ? 'ok' : 'ko';
    },
  };
}
