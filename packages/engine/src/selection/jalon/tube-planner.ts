import { CLOSE_CONFIDENCE } from './expected-loss';

/** What the planner needs to know about one tube, in the hidden state h = skills mastered (0 … m). */
export interface TubePlan {
  /** Levels of the tube's target skills, rising. */
  readonly levels: readonly number[];
  /** P(h), h = 0 … m, from the hierarchical model (normalised). */
  readonly posterior: Float64Array;
  /** Per skill, P(ok | not mastered) of the challenge draw; NaN when the skill cannot be asked. */
  readonly guess: Float64Array;
  /** First skill not validated: the ones below end validated whatever happens. */
  readonly lo: number;
  /** First skill from `lo` on that is invalidated (m if none): the ones above can no longer be validated. */
  readonly hi: number;
  readonly slip: number;
  readonly levelErrorWeight: number;
  /** Price of one question, in the loss's unit (misclassified skills). */
  readonly questionCost: number;
}

/** The optimal first move: the skill to ask (−1: stop) and the expected loss it removes. */
export interface TubeMove {
  readonly skill: number;
  readonly gain: number;
  /** When stopping, whether closing the tube by model is the better ending. */
  readonly close: boolean;
}

/**
 * Exact Bayes-optimal questioning of one tube (a finite-horizon dynamic programme): minimises
 * E[misclassified skills + w · (reported level − true level)²] + price · E[questions] over every
 * adaptive sequence of questions in the tube, given the tube's current posterior, where each
 * stop may close the tube by model (spec §8) when that ends with a lower expected loss.
 *
 * Only untested skills are asked, so every answer writes a KE: a success validates the skills
 * below, a failure invalidates those above (spec §1.1), successes lie below failures, and a
 * state is the set of (skill, result) answered, whatever their order. States are memoised on
 * that set as a base-3 number (unasked, ok, ko) in flat typed arrays reused across calls, with
 * a generation stamp instead of clearing: one planner serves every tube of every call without
 * allocating. Values are kept unnormalised (probability mass × expected loss), so a child's
 * weights are its parent's times the answer's likelihood. A state whose stopping loss is no
 * more than the price of one question is not explored: no question can remove more than the
 * whole loss, so stopping is optimal there (an exact cut).
 *
 * The plan treats the tube as alone (its answers also move the other tubes through the
 * abilities; the next call sees that), which is what lets it be exact and fast.
 */
export class TubePlanner {
  private values = new Float64Array(0);
  private stamps = new Uint32Array(0);
  private generation = 0;
  /** Posteriors along the current path: depth d at offset d · (m + 1). */
  private stack = new Float64Array(0);
  /** Loss of reporting v skills validated when h are mastered, at v · (m + 1) + h. */
  private loss = new Float64Array(0);
  private powers = new Int32Array(0);
  private m = 0;
  private plan: TubePlan | undefined;
  /** Whether the last {@link stopLoss} ended by closing by model (a field, so no object per state). */
  private closes = false;

  /** The optimal first move for a tube; `plan.posterior` is only read. */
  firstMove(plan: TubePlan): TubeMove {
    const m = plan.levels.length;
    this.prepare(plan, m);
    const width = m + 1;
    this.stack.set(plan.posterior.subarray(0, width), 0);
    const stop = this.stopLoss(0, plan.lo, plan.hi);
    const close = this.closes;
    if (stop <= plan.questionCost) return { skill: -1, gain: 0, close };
    let best = stop;
    let skill = -1;
    for (let i = plan.lo; i < plan.hi; i++) {
      const value = this.ask(0, 0, plan.lo, plan.hi, i, 1);
      if (value < best - 1e-12) {
        best = value;
        skill = i;
      }
    }
    return { skill, gain: stop - best, close: skill < 0 && close };
  }

  private prepare(plan: TubePlan, m: number): void {
    this.plan = plan;
    this.m = m;
    const width = m + 1;
    let states = 1;
    for (let i = 0; i < m; i++) states *= 3;
    if (this.values.length < states) {
      this.values = new Float64Array(states);
      this.stamps = new Uint32Array(states);
      this.generation = 0;
    }
    if (this.stack.length < width * (m + 1)) this.stack = new Float64Array(width * (m + 1));
    if (this.loss.length < width * width) this.loss = new Float64Array(width * width);
    if (this.powers.length < m) this.powers = new Int32Array(m);
    for (let i = 0, p = 1; i < m; i++, p *= 3) this.powers[i] = p;
    this.generation++;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    const { levels, levelErrorWeight } = plan;
    for (let v = 0; v <= m; v++) {
      const reported = v > 0 ? (levels[v - 1] ?? 0) : 0;
      for (let h = 0; h <= m; h++) {
        const actual = h > 0 ? (levels[h - 1] ?? 0) : 0;
        // Reporting v of the h mastered skills validated misclassifies |v − h| of them.
        this.loss[v * width + h] = Math.abs(v - h) + levelErrorWeight * (reported - actual) ** 2;
      }
    }
  }

  /** Unnormalised loss of stopping at the posterior of `depth`, closing by model if that is lower. */
  private stopLoss(depth: number, lo: number, hi: number): number {
    this.closes = false;
    const width = this.m + 1;
    const q = this.stack;
    const base = depth * width;
    const open = this.reportLoss(base, lo);
    if (hi <= lo) return open;
    let mass = 0;
    for (let h = 0; h < width; h++) mass += q[base + h] ?? 0;
    if (mass <= 0) return open;
    // P(skill i mastered) = P(h > i) falls with i: close if every untested skill is beyond the thresholds.
    let above = 0;
    for (let h = hi + 1; h < width; h++) above += q[base + h] ?? 0;
    let closeTo = lo;
    for (let i = hi - 1; i >= lo; i--) {
      above += q[base + i + 1] ?? 0;
      const p = above / mass;
      if (p >= CLOSE_CONFIDENCE) {
        if (closeTo === lo) closeTo = i + 1;
      } else if (p > 1 - CLOSE_CONFIDENCE) return open;
    }
    if (closeTo === lo) return open;
    const closed = this.reportLoss(base, closeTo);
    this.closes = closed < open;
    return Math.min(open, closed);
  }

  private reportLoss(base: number, v: number): number {
    const width = this.m + 1;
    const q = this.stack;
    const row = v * width;
    let total = 0;
    for (let h = 0; h < width; h++) total += (q[base + h] ?? 0) * (this.loss[row + h] ?? 0);
    return total;
  }

  /** Unnormalised optimal value of asking skill i now from the state at `depth`. */
  private ask(depth: number, key: number, lo: number, hi: number, i: number, mass: number): number {
    const plan = this.plan as TubePlan;
    const guess = plan.guess[i] ?? Number.NaN;
    if (Number.isNaN(guess)) return Infinity;
    const width = this.m + 1;
    const q = this.stack;
    const from = depth * width;
    const to = from + width;
    const slip = plan.slip;
    const place = this.powers[i] ?? 0;
    let okMass = 0;
    for (let h = 0; h < width; h++) {
      const p = (q[from + h] ?? 0) * (h > i ? 1 - slip : guess);
      q[to + h] = p;
      okMass += p;
    }
    let value = plan.questionCost * mass + this.node(depth + 1, key + place, i + 1, hi, okMass);
    let koMass = 0;
    for (let h = 0; h < width; h++) {
      const p = (q[from + h] ?? 0) * (h > i ? slip : 1 - guess);
      q[to + h] = p;
      koMass += p;
    }
    value += this.node(depth + 1, key + 2 * place, lo, i, koMass);
    return value;
  }

  private node(depth: number, key: number, lo: number, hi: number, mass: number): number {
    if (this.stamps[key] === this.generation) return this.values[key] ?? 0;
    const plan = this.plan as TubePlan;
    let best = this.stopLoss(depth, lo, hi);
    if (mass > 0 && best > plan.questionCost * mass) {
      for (let i = lo; i < hi; i++) {
        const value = this.ask(depth, key, lo, hi, i, mass);
        if (value < best - 1e-12) best = value;
      }
    }
    this.stamps[key] = this.generation;
    this.values[key] = best;
    return best;
  }
}
