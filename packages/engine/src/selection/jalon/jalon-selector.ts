import { createRandom, mix } from '../../random';
import { buildChallengePool, preferredChallenges } from '../challenge-pool';
import type { ChallengeCandidate, ModelInference, NextStep, SelectionState, Selector } from '../types';
import { CLOSE_CONFIDENCE, LEVEL_ERROR_WEIGHT, reportedValidated } from './expected-loss';
import { allocateBuffers, askingCost, currentLoss, type Buffers } from './lookahead';
import { tubePosteriors } from './hierarchy';
import { collectTubeEvidence, GUESS, SLIP, UNTESTED, type TubeEvidence } from './tube-evidence';

/**
 * Price of one more question, in expected misclassified skills: a tube is left alone once no
 * answer can be expected to remove this much loss. Sets the trade-off between test length and
 * precision; with {@link LEVEL_ERROR_WEIGHT} it was chosen on the benchmark (design note).
 */
export const QUESTION_COST = 0.8;
/** Skills whose gain is within this share of the best one are drawn among (exposure control, spec §8.2). */
export const RANDOMESQUE_SHARE = 0.05;
/** Answers after which the test ends whatever remains, as for smart random. */
export const JALON_ANSWER_CAP = 300;
/** A skill whose posterior is beyond this is not asked: its answer would teach almost nothing. */
const CANDIDATE_CONFIDENCE = 0.98;
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
}

/** Jalon's selector with explicit settings, for tuning and ablation studies. */
export function createJalonSelector(settings: Partial<JalonSettings> = {}): Selector {
  const resolved: JalonSettings = {
    questionCost: settings.questionCost ?? QUESTION_COST,
    levelErrorWeight: settings.levelErrorWeight ?? LEVEL_ERROR_WEIGHT,
  };
  return { name: 'jalon', next: (state) => nextStep(state, resolved) };
}

function nextStep(state: SelectionState, settings: JalonSettings): NextStep {
  const { questionCost, levelErrorWeight } = settings;
  const pool = buildChallengePool(state);
  const tubes = collectTubeEvidence(state, pool);
  const posteriors = tubePosteriors(tubes);
  const maxSkills = Math.max(1, ...tubes.map((tube) => tube.skills.length));
  const scratch = new Uint8Array(maxSkills);
  // Work arrays sized exactly per tube length: the loss functions read lengths from them.
  const buffersBySize = new Map<number, Buffers>();

  const options: Option[] = [];
  if (state.answers.length < JALON_ANSWER_CAP) {
    tubes.forEach((tube, t) => {
      const posterior = posteriors[t];
      if (!posterior) return;
      const guess = tube.askable.map((challenges) => {
        if (challenges.length === 0) return Number.NaN;
        let sum = 0;
        for (const challenge of challenges) sum += GUESS[challenge.type];
        return sum / challenges.length;
      });
      const plan = {
        posterior,
        statuses: tube.statuses,
        levels: tube.levels,
        guess: Float64Array.from(guess),
        slip: SLIP,
        levelErrorWeight,
      };
      let buffers = buffersBySize.get(tube.skills.length);
      if (!buffers) {
        buffers = allocateBuffers(tube.skills.length);
        buffersBySize.set(tube.skills.length, buffers);
      }
      const loss = currentLoss(plan, buffers);
      // A question costs at least `questionCost`: a tube whose loss is below it is done.
      if (loss <= questionCost) return;
      let above = 1;
      guess.forEach((g, index) => {
        above -= posterior[index] ?? 0;
        if (Number.isNaN(g) || above >= CANDIDATE_CONFIDENCE || above <= 1 - CANDIDATE_CONFIDENCE) return;
        const gain = loss - askingCost(plan, index, questionCost, buffers as Buffers);
        if (gain > 0) options.push({ tube: t, index, gain });
      });
    });
  }
  if (options.length === 0) return { kind: 'end', inferred: modelClosures(tubes, posteriors, scratch) };

  const best = Math.max(...options.map((option) => option.gain));
  const nearBest = options
    .filter((option) => option.gain >= best * (1 - RANDOMESQUE_SHARE))
    .map((option) => ({ option, skill: tubes[option.tube]?.skills[option.index] }))
    .sort((a, b) => ((a.skill?.id ?? '') < (b.skill?.id ?? '') ? -1 : 1));
  const random = createRandom(mix(state.assessmentSeed, state.answers.length), RANDOM_STREAM);
  const chosen = nearBest[random.int(nearBest.length)];
  if (!chosen?.skill) return { kind: 'end', inferred: modelClosures(tubes, posteriors, scratch) };
  const list = preferredChallenges(tubes[chosen.option.tube]?.askable[chosen.option.index] ?? [], state.locale);
  const challenge = pickChallenge(list, random.next());
  if (!challenge) return { kind: 'end', inferred: modelClosures(tubes, posteriors, scratch) };
  // A tube with no question left worth asking is closed now if it qualifies: later answers
  // elsewhere move its posterior, and a tube that no longer qualifies at the end is left
  // untested, which counts as not validated even for skills it was 95 % sure of.
  const open = new Set(options.map((option) => option.tube));
  const settled = modelClosures(tubes, posteriors, scratch, open);
  return { kind: 'challenge', challengeId: challenge.id, skillId: chosen.skill.id, inferred: settled };
}

/**
 * Draws a challenge of the chosen skill, each weighted by how little it can be guessed: a QCU
 * answered right by chance validates a skill wrongly four times as often as free text, so it
 * is drawn half as often, yet every challenge keeps a share of the exposure.
 */
function pickChallenge(list: readonly ChallengeCandidate[], u: number): ChallengeCandidate | undefined {
  let total = 0;
  for (const challenge of list) total += challengeWeight(challenge);
  let threshold = u * total;
  for (const challenge of list) {
    threshold -= challengeWeight(challenge);
    if (threshold < 0) return challenge;
  }
  return list[list.length - 1];
}

/** Draw weight of a challenge: √(least guess rate / its guess rate), 1 for free text, ½ for a QCU. */
function challengeWeight(challenge: ChallengeCandidate): number {
  return Math.sqrt(GUESS.QROC / GUESS[challenge.type]);
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
