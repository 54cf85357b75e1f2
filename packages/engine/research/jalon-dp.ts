/**
 * Part B of the oracle study: Jalon's hierarchical posterior (θ → θ_c → tube, `hierarchy.ts`)
 * with the exact per-tube programme of `tube-planner.ts` instead of the 2-answer lookahead.
 * Each call: the posterior of every tube given all answers, then, per tube, the Bayes-optimal
 * plan from that posterior as if the tube's answers taught nothing to the others (they do,
 * through θ_c and θ: this part is left to the next call). The tube with the largest gain
 * (stopping loss − optimal value) is asked, drawing among those within 5 % of the best;
 * tubes whose plan is to stop and close by model are closed at once.
 */
import { createRandom, mix } from '../src/random';
import { buildChallengePool } from '../src/selection/challenge-pool';
import { tubePosteriors } from '../src/selection/jalon/hierarchy';
import { collectTubeEvidence, GUESS, INVALIDATED, UNTESTED, VALIDATED } from '../src/selection/jalon/tube-evidence';
import type { ModelInference, NextStep, SelectionState, Selector } from '../src/selection/types';
import { TubePlanner } from './tube-planner';

const RANDOMESQUE_SHARE = 0.05;
const ANSWER_CAP = 300;

/**
 * `least`: always the least guessable challenge of the skill (free text before QCU);
 * `weighted`: Jalon's own draw, weight √(0.05 / guess rate), the planner using that draw's
 * mean guess rate (better exposure, a few more lucky QCUs).
 */
export type ChallengeChoice = 'least' | 'weighted';

export function createJalonDpSelector(cost: number, weight: number, choice: ChallengeChoice = 'least'): Selector {
  return { name: 'jalon-dp', next: (state) => nextStep(state, cost, weight, choice) };
}

const drawWeight = (guess: number): number => Math.sqrt(GUESS.QROC / guess);

function nextStep(state: SelectionState, cost: number, weight: number, choice: ChallengeChoice): NextStep {
  const pool = buildChallengePool(state);
  const tubes = collectTubeEvidence(state, pool);
  const posteriors = tubePosteriors(tubes);
  const options: { tube: number; skill: number; gain: number }[] = [];
  const closures: ModelInference[][] = tubes.map(() => []);

  tubes.forEach((tube, t) => {
    const posterior = posteriors[t];
    if (!posterior) return;
    const m = tube.levels.length;
    let lo = 0;
    while (lo < m && tube.statuses[lo] === VALIDATED) lo++;
    let hi = lo;
    while (hi < m && tube.statuses[hi] !== INVALIDATED) hi++;
    // The planner's hidden state is the level T'; h skills mastered means T' = level of skill h.
    const prior = new Array<number>((tube.levels[m - 1] ?? 0) + 1).fill(0);
    for (let h = 0; h <= m; h++) {
      const level = h === 0 ? 0 : (tube.levels[h - 1] ?? 0);
      prior[level] = (prior[level] ?? 0) + (posterior[h] ?? 0);
    }
    const guessRates = tube.askable.map((challenges, i) => {
      if (tube.statuses[i] !== UNTESTED || challenges.length === 0) return [];
      const rates = challenges.map((c) => GUESS[c.type]);
      if (choice === 'least') return [Math.min(...rates)];
      let total = 0;
      let sum = 0;
      for (const rate of rates) {
        total += drawWeight(rate);
        sum += drawWeight(rate) * rate;
      }
      return [sum / total];
    });
    const planner = new TubePlanner({
      levels: tube.levels,
      guessRates,
      prior,
      initiallyValidated: lo,
      initiallyInvalidatedFrom: hi,
      cost,
      weight,
      closure: true,
    });
    const decision = planner.decide([]);
    if (decision.kind === 'ask' && state.answers.length < ANSWER_CAP) {
      options.push({ tube: t, skill: decision.skill, gain: planner.gain() });
    } else if (decision.kind === 'stop' && decision.close) {
      for (let i = lo; i < decision.validate; i++) {
        const skill = tube.skills[i];
        if (skill && tube.statuses[i] === UNTESTED) closures[t]?.push({ skillId: skill.id, status: 'validated' });
      }
    }
  });

  const inferred = closures.flat();
  if (options.length === 0) return { kind: 'end', inferred };
  const best = Math.max(...options.map((option) => option.gain));
  const near = options
    .filter((option) => option.gain >= best * (1 - RANDOMESQUE_SHARE))
    .map((option) => ({ option, skill: tubes[option.tube]?.skills[option.skill] }))
    .sort((a, b) => ((a.skill?.id ?? '') < (b.skill?.id ?? '') ? -1 : 1));
  const random = createRandom(mix(state.assessmentSeed, state.answers.length), 0x1a11);
  const chosen = near[random.int(near.length)];
  const askable = chosen ? (tubes[chosen.option.tube]?.askable[chosen.option.skill] ?? []) : [];
  let challenge;
  if (choice === 'least') {
    const least = Math.min(...askable.map((c) => GUESS[c.type]));
    const list = askable.filter((c) => GUESS[c.type] === least);
    challenge = list[random.int(Math.max(1, list.length))];
  } else {
    let threshold = random.next() * askable.reduce((sum, c) => sum + drawWeight(GUESS[c.type]), 0);
    challenge = askable.find((c) => (threshold -= drawWeight(GUESS[c.type])) < 0) ?? askable[askable.length - 1];
  }
  if (!chosen?.skill || !challenge) return { kind: 'end', inferred };
  return { kind: 'challenge', challengeId: challenge.id, skillId: chosen.skill.id, inferred };
}
