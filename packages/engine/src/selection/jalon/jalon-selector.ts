import { createRandom, mix } from '../../random';
import { buildChallengePool, preferredChallenges } from '../challenge-pool';
import type { ChallengeCandidate, ModelInference, NextStep, SelectionState, Selector } from '../types';
import { CLOSE_CONFIDENCE, LEVEL_ERROR_WEIGHT, reportedValidated } from './expected-loss';
import { TubePlanner } from './tube-planner';
import { tubePosteriors } from './hierarchy';
import { collectTubeEvidence, GUESS, INVALIDATED, SLIP, UNTESTED, VALIDATED, type TubeEvidence } from './tube-evidence';

/**
 * Price of one more question, in expected misclassified skills: each tube's plan minimises its
 * expected final loss plus this price per question asked ({@link TubePlanner}). Sets the
 * trade-off between test length and precision; with {@link LEVEL_ERROR_WEIGHT} it was chosen
 * on the benchmark (design note).
 */
export const QUESTION_COST = 0.8;
/** Skills whose gain is within this share of the best one are drawn among (exposure control, spec §8.2). */
export const RANDOMESQUE_SHARE = 0.15;
/**
 * A skill's challenges are drawn with weight (least guess rate / guess rate) to this power:
 * 0 draws them alike, higher values serve free text more and QCUs (guessed 20 % of the time,
 * validating skills wrongly) less, at the price of exposure.
 */
export const CHALLENGE_WEIGHT_EXPONENT = 0.3;
/** Answers after which the test ends whatever remains, as for smart random. */
export const JALON_ANSWER_CAP = 300;
/** Stream of the assessment generator reserved for this selector. */
const RANDOM_STREAM = 0x1a10;

interface Option {
  readonly tube: number;
  readonly index: number;
  readonly gain: number;
}

/**
 * Jalon's adaptive selector (spec §8): a Bayesian model of each tube's level sharing
 * information through competence and general abilities, asking the question that most
 * reduces the expected classification and level error, and closing tubes from the model.
 * Deterministic per assessment seed and number of answers.
 */
export const jalonSelector: Selector = createJalonSelector();

/** Settings of {@link createJalonSelector}; the defaults were chosen on the benchmark. */
export interface JalonSettings {
  /** See {@link QUESTION_COST}. */
  readonly questionCost: number;
  /** See {@link LEVEL_ERROR_WEIGHT}. */
  readonly levelErrorWeight: number;
  /** See {@link RANDOMESQUE_SHARE}. */
  readonly randomesqueShare: number;
  /** See {@link CHALLENGE_WEIGHT_EXPONENT}. */
  readonly challengeWeightExponent: number;
}

/** Jalon's selector with explicit settings, for tuning and ablation studies. */
export function createJalonSelector(settings: Partial<JalonSettings> = {}): Selector {
  const resolved: JalonSettings = {
    questionCost: settings.questionCost ?? QUESTION_COST,
    levelErrorWeight: settings.levelErrorWeight ?? LEVEL_ERROR_WEIGHT,
    randomesqueShare: settings.randomesqueShare ?? RANDOMESQUE_SHARE,
    challengeWeightExponent: settings.challengeWeightExponent ?? CHALLENGE_WEIGHT_EXPONENT,
  };
  return { name: 'jalon', next: (state) => nextStep(state, resolved) };
}

// One planner for every call: its typed arrays are reused, and it keeps nothing between calls
// that its result depends on (each plan starts a new generation of its memo).
const planner = new TubePlanner();

function nextStep(state: SelectionState, settings: JalonSettings): NextStep {
  const { questionCost, levelErrorWeight, randomesqueShare, challengeWeightExponent } = settings;
  const pool = buildChallengePool(state);
  const tubes = collectTubeEvidence(state, pool);
  const posteriors = tubePosteriors(tubes);
  const maxSkills = Math.max(1, ...tubes.map((tube) => tube.skills.length));
  const scratch = new Uint8Array(maxSkills);

  const options: Option[] = [];
  // Tubes whose plan is to stop without closing by model: left as they are (for now).
  const unclosed = new Set<number>();
  tubes.forEach((tube, t) => {
    const posterior = posteriors[t];
    if (!posterior) return;
    const m = tube.skills.length;
    let lo = 0;
    while (lo < m && tube.statuses[lo] === VALIDATED) lo++;
    let hi = lo;
    while (hi < m && tube.statuses[hi] !== INVALIDATED) hi++;
    const guess = new Float64Array(m).fill(Number.NaN);
    for (let i = lo; i < hi; i++) {
      if (tube.statuses[i] !== UNTESTED) continue;
      const challenges = preferredChallenges(tube.askable[i] ?? [], state.locale);
      if (challenges.length === 0) continue;
      // The planner expects the guess rate of the challenge the draw below would serve.
      let total = 0;
      let sum = 0;
      for (const challenge of challenges) {
        const weight = challengeWeight(challenge, challengeWeightExponent);
        total += weight;
        sum += weight * GUESS[challenge.type];
      }
      guess[i] = sum / total;
    }
    const move = planner.firstMove({ levels: tube.levels, posterior, guess, lo, hi, slip: SLIP, levelErrorWeight, questionCost });
    if (move.skill >= 0 && state.answers.length < JALON_ANSWER_CAP) options.push({ tube: t, index: move.skill, gain: move.gain });
    else if (!move.close) unclosed.add(t);
  });
  const open = new Set([...options.map((option) => option.tube), ...unclosed]);
  if (options.length === 0) return { kind: 'end', inferred: modelClosures(tubes, posteriors, scratch, unclosed) };

  const best = Math.max(...options.map((option) => option.gain));
  const nearBest = options
    .filter((option) => option.gain >= best * (1 - randomesqueShare))
    .map((option) => ({ option, skill: tubes[option.tube]?.skills[option.index] }))
    .sort((a, b) => ((a.skill?.id ?? '') < (b.skill?.id ?? '') ? -1 : 1));
  const random = createRandom(mix(state.assessmentSeed, state.answers.length), RANDOM_STREAM);
  const chosen = nearBest[random.int(nearBest.length)];
  if (!chosen?.skill) return { kind: 'end', inferred: modelClosures(tubes, posteriors, scratch, unclosed) };
  const list = preferredChallenges(tubes[chosen.option.tube]?.askable[chosen.option.index] ?? [], state.locale);
  const challenge = pickChallenge(list, random.next(), challengeWeightExponent);
  if (!challenge) return { kind: 'end', inferred: modelClosures(tubes, posteriors, scratch, unclosed) };
  // A tube whose plan is to close by model is closed now: later answers elsewhere move its
  // posterior, and a tube that no longer qualifies at the end is left untested, which counts
  // as not validated even for skills it was 95 % sure of.
  const settled = modelClosures(tubes, posteriors, scratch, open);
  return { kind: 'challenge', challengeId: challenge.id, skillId: chosen.skill.id, inferred: settled };
}

/**
 * Draws a challenge of the chosen skill, each weighted by how little it can be guessed
 * ({@link CHALLENGE_WEIGHT_EXPONENT}), yet every challenge keeps a share of the exposure.
 */
function pickChallenge(list: readonly ChallengeCandidate[], u: number, exponent: number): ChallengeCandidate | undefined {
  let total = 0;
  for (const challenge of list) total += challengeWeight(challenge, exponent);
  let threshold = u * total;
  for (const challenge of list) {
    threshold -= challengeWeight(challenge, exponent);
    if (threshold < 0) return challenge;
  }
  return list[list.length - 1];
}

/** Draw weight of a challenge: (least guess rate / its guess rate)^exponent, 1 for free text. */
function challengeWeight(challenge: ChallengeCandidate, exponent: number): number {
  return (GUESS.QROC / GUESS[challenge.type]) ** exponent;
}

/** The `inference: model` KEs to write: untested skills of the tubes (other than `open` ones) the model can close. */
function modelClosures(
  tubes: readonly TubeEvidence[],
  posteriors: readonly Float64Array[],
  scratch: Uint8Array,
  open: ReadonlySet<number> = new Set(),
): ModelInference[] {
  const inferred: ModelInference[] = [];
  tubes.forEach((tube, t) => {
    const posterior = posteriors[t];
    if (!posterior || open.has(t)) return;
    if (!reportedValidated(posterior, tube.statuses, scratch)) return;
    let above = 1;
    tube.skills.forEach((skill, i) => {
      above -= posterior[i] ?? 0;
      if (tube.statuses[i] !== UNTESTED) return;
      if (scratch[i] === 1) inferred.push({ skillId: skill.id, status: 'validated' });
      else if (above <= 1 - CLOSE_CONFIDENCE) inferred.push({ skillId: skill.id, status: 'invalidated' });
    });
  });
  return inferred;
}
