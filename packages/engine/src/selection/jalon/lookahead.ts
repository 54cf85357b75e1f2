import { stoppingLoss } from './expected-loss';
import { INVALIDATED as INVALIDATED_STATUS, UNTESTED as UNTESTED_STATUS, VALIDATED as VALIDATED_STATUS } from './tube-evidence';

// Module-level copies: imported bindings read in hot loops cost a getter call once transpiled.
const UNTESTED = UNTESTED_STATUS;
const VALIDATED = VALIDATED_STATUS;
const INVALIDATED = INVALIDATED_STATUS;

/**
 * Answers planned ahead in one tube. Two answers let the engine see that a success at the top
 * of a tube settles it at once while one lower down still needs a second question; looking
 * further ahead changed little in simulation and costs more than the latency budget.
 */
export const LOOKAHEAD_DEPTH = 2;

/** Beyond this posterior, a skill is left out of the planned follow-up questions. */
const PLANNED_CONFIDENCE = 0.95;

/** What one tube's planning needs: its posterior, statuses and the noise of each askable skill. */
export interface TubePlan {
  readonly posterior: Float64Array;
  readonly statuses: Int8Array;
  readonly levels: readonly number[];
  /** Per skill, P(ok | not mastered) of its remaining challenges, or NaN when it cannot be asked. */
  readonly guess: Float64Array;
  readonly slip: number;
  /** Weight of the squared level error against one misclassified skill. */
  readonly levelErrorWeight: number;
}

/**
 * Expected total cost of asking skill `index` now and then acting optimally for
 * `LOOKAHEAD_DEPTH − 1` more answers: `questionCost` per answer plus the final stopping loss.
 */
export function askingCost(plan: TubePlan, index: number, questionCost: number, buffers: Buffers): number {
  return ask(plan, plan.posterior, plan.statuses, index, questionCost, LOOKAHEAD_DEPTH - 1, buffers);
}

/** The stopping loss of the tube as it stands. */
export function currentLoss(plan: TubePlan, buffers: Buffers): number {
  return stoppingLoss(plan.posterior, plan.statuses, plan.levels, buffers.scratch, plan.levelErrorWeight);
}

/** Work arrays for tubes of exactly one length, reused across those tubes within one call. */
export interface Buffers {
  readonly scratch: Uint8Array;
  /** Per remaining depth: posteriors and statuses after a success and after a failure. */
  readonly levels: {
    readonly ifOk: Float64Array;
    readonly ifKo: Float64Array;
    readonly okStatuses: Int8Array;
    readonly koStatuses: Int8Array;
  }[];
}

/** Allocates the work arrays of {@link askingCost} for tubes of `maxSkills` skills. */
export function allocateBuffers(maxSkills: number): Buffers {
  return {
    scratch: new Uint8Array(maxSkills),
    levels: Array.from({ length: LOOKAHEAD_DEPTH }, () => ({
      ifOk: new Float64Array(maxSkills + 1),
      ifKo: new Float64Array(maxSkills + 1),
      okStatuses: new Int8Array(maxSkills),
      koStatuses: new Int8Array(maxSkills),
    })),
  };
}

function ask(
  plan: TubePlan,
  posterior: Float64Array,
  statuses: Int8Array,
  index: number,
  questionCost: number,
  depthLeft: number,
  buffers: Buffers,
): number {
  const m = statuses.length;
  const slot = buffers.levels[depthLeft];
  if (!slot) return Infinity;
  const { ifOk, ifKo, okStatuses, koStatuses } = slot;
  const guess = plan.guess[index] ?? 0;
  let pOk = 0;
  for (let h = 0; h <= m; h++) {
    const p = posterior[h] ?? 0;
    const ok = h > index ? 1 - plan.slip : guess;
    ifOk[h] = p * ok;
    ifKo[h] = p * (1 - ok);
    pOk += p * ok;
  }
  for (let h = 0; h <= m; h++) {
    ifOk[h] = pOk > 0 ? (ifOk[h] ?? 0) / pOk : 0;
    ifKo[h] = pOk < 1 ? (ifKo[h] ?? 0) / (1 - pOk) : 0;
  }
  // §1.1 rules: a success validates the untested skills below, a failure invalidates those above.
  for (let i = 0; i < m; i++) {
    const status = statuses[i] ?? UNTESTED;
    okStatuses[i] = status === UNTESTED && i <= index ? VALIDATED : status;
    koStatuses[i] = status === UNTESTED && i >= index ? INVALIDATED : status;
  }
  const valueOk = pOk > 0 ? bestValue(plan, ifOk, okStatuses, questionCost, depthLeft, buffers) : 0;
  const valueKo = pOk < 1 ? bestValue(plan, ifKo, koStatuses, questionCost, depthLeft, buffers) : 0;
  return questionCost + pOk * valueOk + (1 - pOk) * valueKo;
}

/** min(stop now, ask the best skill) with `depthLeft` answers still allowed. */
function bestValue(
  plan: TubePlan,
  posterior: Float64Array,
  statuses: Int8Array,
  questionCost: number,
  depthLeft: number,
  buffers: Buffers,
): number {
  let best = stoppingLoss(posterior, statuses, plan.levels, buffers.scratch, plan.levelErrorWeight);
  // Any question costs at least `questionCost`, so a loss below it is final.
  if (depthLeft === 0 || best <= questionCost) return best;
  // Deeper calls write only to their own, lower slots, so `posterior` and `statuses` stay intact.
  let above = 1;
  for (let j = 0; j < statuses.length; j++) {
    above -= posterior[j] ?? 0;
    if (statuses[j] !== UNTESTED || Number.isNaN(plan.guess[j] ?? Number.NaN)) continue;
    // A skill the model could already close is not worth planning a question on.
    if (above >= PLANNED_CONFIDENCE || above <= 1 - PLANNED_CONFIDENCE) continue;
    const cost = ask(plan, posterior, statuses, j, questionCost, depthLeft - 1, buffers);
    if (cost < best) best = cost;
  }
  return best;
}
