import type { ChallengeId, CompetenceId } from '../brand';
import { createRandom, mix } from '../random';
import { DEFAULT_INITIAL_CAPACITY, estimateCapacity, type CapacityDamping } from './capacity-estimation';
import { information, successProbability, type CalibratedChallenge } from './two-pl';

/**
 * A minimum expected success rate over a range of question indexes (0-based, inclusive):
 * fixed, or moving linearly from `startValue` to `endValue`.
 */
export type SuccessRateRange =
  | { readonly kind: 'fixed'; readonly from: number; readonly to: number; readonly value: number }
  | { readonly kind: 'linear'; readonly from: number; readonly to: number; readonly startValue: number; readonly endValue: number };

/** Settings of the IRT (« flash ») algorithm, spec §7. */
export interface FlashConfig {
  readonly initialCapacity: number;
  readonly damping?: CapacityDamping;
  /** The test stops after this many answers. */
  readonly maxLength: number;
  /** Never two questions of one tube (else: of one skill). */
  readonly oneQuestionPerTube: boolean;
  /** After this many answers, competences not seen yet come first until all are seen. */
  readonly warmUpLength?: number;
  /** Competences of this many last answers are avoided when another choice exists. */
  readonly avoidRecentCompetences: number;
  /** When set, only challenges of these competences are served. */
  readonly forcedCompetences?: readonly CompetenceId[];
  readonly minimumSuccessRates: readonly SuccessRateRange[];
  /** Jalon option: stop once the error is at most `target` after `minLength` answers. */
  readonly errorStop?: { readonly target: number; readonly minLength: number };
}

/** Number of best-informed challenges the randomesque draw chooses among. */
export const RANDOMESQUE_SIZE = 5;
/** Probability of taking the first remaining candidate at each step of the draw. */
export const RANDOMESQUE_FIRST_PROBABILITY = 0.51;

/** The certification configuration (certification.md §3). */
export const CERTIFICATION_FLASH: FlashConfig = {
  initialCapacity: -3,
  maxLength: 32,
  oneQuestionPerTube: true,
  warmUpLength: 2,
  avoidRecentCompetences: 2,
  minimumSuccessRates: [],
};

/** A campaign FLASH test without extra rules. */
export const CAMPAIGN_FLASH: FlashConfig = {
  initialCapacity: DEFAULT_INITIAL_CAPACITY,
  maxLength: 32,
  oneQuestionPerTube: true,
  avoidRecentCompetences: 0,
  minimumSuccessRates: [],
};

/** An answered challenge, for the content rules. */
interface AnsweredChallenge {
  readonly challenge: CalibratedChallenge;
  readonly ok: boolean;
}

/** One answer of the IRT test, in answer order. */
export interface FlashAnswer {
  readonly challengeId: ChallengeId;
  /** Only `ok` counts as a success (timed out and focused out are failures). */
  readonly ok: boolean;
}

/** Inputs of {@link nextFlashStep}. */
export interface FlashState {
  /** Servable calibrated challenges (validated, accessible when needed, no reported skill). */
  readonly challenges: readonly CalibratedChallenge[];
  readonly answers: readonly FlashAnswer[];
  /** 32-bit seed of the assessment. */
  readonly assessmentSeed: number;
}

/** Why an IRT test ended. */
export type FlashEndReason = 'max-length' | 'no-challenge' | 'error-target';

/** Next step of the IRT test, with the current estimate. */
export type FlashStep =
  | { readonly kind: 'challenge'; readonly challengeId: ChallengeId; readonly capacity: number; readonly error: number }
  | { readonly kind: 'end'; readonly reason: FlashEndReason; readonly capacity: number; readonly error: number };

/** The minimum expected success rate for a question index, 0 when no range covers it. */
export function minimumSuccessRate(ranges: readonly SuccessRateRange[], index: number): number {
  const range = ranges.find((r) => index >= r.from && index <= r.to);
  if (!range) return 0;
  if (range.kind === 'fixed') return range.value;
  const span = range.to - range.from;
  return span === 0 ? range.startValue : range.startValue + ((range.endValue - range.startValue) * (index - range.from)) / span;
}

/**
 * Next challenge of an IRT test (spec §7): estimate θ, apply the content rules, rank by
 * (meets the minimum success rate, Fisher information) and draw among the top 5, taking each
 * in turn with probability 0.51. Deterministic per assessment seed and number of answers.
 */
export function nextFlashStep(state: FlashState, config: FlashConfig): FlashStep {
  const byId = new Map(state.challenges.map((challenge) => [challenge.id, challenge]));
  const scored: AnsweredChallenge[] = [];
  for (const answer of state.answers) {
    const challenge = byId.get(answer.challengeId);
    if (challenge) scored.push({ challenge, ok: answer.ok });
  }
  const { capacity, error } = estimateCapacity(scored, {
    initialCapacity: config.initialCapacity,
    ...(config.damping ? { damping: config.damping } : {}),
  });
  const end = (reason: FlashEndReason): FlashStep => ({ kind: 'end', reason, capacity, error });

  const index = state.answers.length;
  if (index >= config.maxLength) return end('max-length');
  if (config.errorStop && index >= config.errorStop.minLength && error <= config.errorStop.target) {
    return end('error-target');
  }

  const candidates = eligibleChallenges(state.challenges, scored, config);
  if (candidates.length === 0) return end('no-challenge');

  const minimum = minimumSuccessRate(config.minimumSuccessRates, index);
  const ranked = candidates
    .map((challenge) => ({
      challenge,
      meetsMinimum: successProbability(capacity, challenge) >= minimum,
      information: information(capacity, challenge),
    }))
    .sort(
      (a, b) =>
        Number(b.meetsMinimum) - Number(a.meetsMinimum) ||
        b.information - a.information ||
        (a.challenge.id < b.challenge.id ? -1 : a.challenge.id > b.challenge.id ? 1 : 0),
    )
    .slice(0, RANDOMESQUE_SIZE);

  const random = createRandom(mix(state.assessmentSeed, index), 0xf1a5);
  let chosen = ranked[ranked.length - 1];
  for (const candidate of ranked.slice(0, -1)) {
    if (random.next() < RANDOMESQUE_FIRST_PROBABILITY) {
      chosen = candidate;
      break;
    }
  }
  if (!chosen) return end('no-challenge');
  return { kind: 'challenge', challengeId: chosen.challenge.id, capacity, error };
}

/** Applies the content rules of spec §7 before selection. */
function eligibleChallenges(
  challenges: readonly CalibratedChallenge[],
  answered: readonly AnsweredChallenge[],
  config: FlashConfig,
): CalibratedChallenge[] {
  const usedTubes = new Set(answered.map(({ challenge }) => challenge.tubeId));
  const usedSkills = new Set(answered.map(({ challenge }) => challenge.skillId));
  const answeredIds = new Set(answered.map(({ challenge }) => challenge.id));
  const forced = config.forcedCompetences ? new Set(config.forcedCompetences) : undefined;
  let pool = challenges.filter(
    (challenge) =>
      !answeredIds.has(challenge.id) &&
      (config.oneQuestionPerTube ? !usedTubes.has(challenge.tubeId) : !usedSkills.has(challenge.skillId)) &&
      (!forced || forced.has(challenge.competenceId)),
  );

  const preferIfAny = (keep: (challenge: CalibratedChallenge) => boolean): void => {
    const kept = pool.filter(keep);
    if (kept.length > 0) pool = kept;
  };
  if (config.warmUpLength !== undefined && answered.length >= config.warmUpLength) {
    const seen = new Set(answered.map(({ challenge }) => challenge.competenceId));
    preferIfAny((challenge) => !seen.has(challenge.competenceId));
  }
  if (config.avoidRecentCompetences > 0) {
    const recent = new Set(answered.slice(-config.avoidRecentCompetences).map(({ challenge }) => challenge.competenceId));
    preferIfAny((challenge) => !recent.has(challenge.competenceId));
  }
  return pool;
}
