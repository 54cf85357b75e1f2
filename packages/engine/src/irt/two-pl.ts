import type { ChallengeId, CompetenceId, SkillId, TubeId } from '../brand';

/** The two parameters of a 2PL item. */
export interface IrtParameters {
  /** a: how sharply success rises with capacity, per capacity unit. */
  readonly discrimination: number;
  /** δ: the capacity at which success is 50 %. */
  readonly difficulty: number;
}

/** A challenge with calibrated 2PL parameters, as certification serves them. */
export interface CalibratedChallenge extends IrtParameters {
  readonly id: ChallengeId;
  readonly skillId: SkillId;
  readonly tubeId: TubeId;
  readonly competenceId: CompetenceId;
}

/** 2PL success probability P(ok | θ) = 1 / (1 + exp(a (δ − θ))) (spec §7). */
export function successProbability(capacity: number, challenge: IrtParameters): number {
  return 1 / (1 + Math.exp(challenge.discrimination * (challenge.difficulty - capacity)));
}

/** Fisher information of a 2PL item at θ: a² P (1 − P). */
export function information(capacity: number, challenge: IrtParameters): number {
  const p = successProbability(capacity, challenge);
  return challenge.discrimination * challenge.discrimination * p * (1 - p);
}
