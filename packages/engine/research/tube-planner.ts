/**
 * Exact Bayes-optimal questioning of ONE tube, given a prior on its true (capped) level.
 *
 * Hidden state: T' = min(T, cap) ∈ {0 … cap}; skill i (levels ℓ₀ < ℓ₁ < … of the target skills)
 * is mastered iff ℓᵢ ≤ T'. The KE state follows spec §1.1: `lo` skills validated (a success
 * validates every lower skill), skills from `hi` on invalidated (a failure invalidates every
 * higher one), the others untested, which count as not validated. Only untested skills are
 * asked, so every answer writes a direct KE, the successes always lie below the failures and
 * the state is the pair of answer sets, whatever their order: the value function is memoised
 * on it. An answer on skill i is `ok` with probability 1 − SLIP if mastered, else the guess
 * rate of the challenge served (skips count as failures, as in the benchmark).
 *
 * Objective: E[misclassified skills + weight · (reported level − T')²] + cost · E[questions],
 * reported level = level of the highest validated skill (0 if none). When stopping, the tube
 * MAY be closed by model (spec §8: every untested skill at posterior ≥ 0.95 or ≤ 0.05; the
 * ≥ 0.95 ones become validated), whichever of closing or not has the lower expected loss.
 *
 * Values are kept unnormalised (mass × expected loss), so a child's weights are the parent's
 * times the answer's likelihood and no posterior needs normalising except for closure.
 */

export const SLIP = 0.1;
export const CLOSE_CONFIDENCE = 0.95;

/** The decision at a state: ask skill `skill` with challenge class `klass`, or stop. */
export type TubeDecision =
  | { readonly kind: 'ask'; readonly skill: number; readonly klass: number }
  /** `validate`: skills 0 … validate − 1 end validated (more than the KE state's when closing by model). */
  | { readonly kind: 'stop'; readonly close: boolean; readonly validate: number };

export interface TubeProblem {
  /** Levels of the tube's target skills, rising. */
  readonly levels: readonly number[];
  /** Per skill, the guess rates of the challenge classes it can be served with (non-empty). */
  readonly guessRates: readonly (readonly number[])[];
  /** P(T' = k), k = 0 … cap (need not be normalised). */
  readonly prior: readonly number[];
  /** Skills already validated by earlier KEs that the planner will not re-ask (a prefix). */
  readonly initiallyValidated: number;
  /** First skill already invalidated (the rest of the tube too); the tube's length if none. */
  readonly initiallyInvalidatedFrom?: number;
  readonly cost: number;
  readonly weight: number;
  /** Whether the spec §8 model closure is allowed. */
  readonly closure: boolean;
}

interface Node {
  readonly value: number;
  /** Expected loss of stopping now (closing by model if that is better). */
  readonly stop: number;
  readonly decision: TubeDecision;
}

/** Per skill: 0 unasked, else 1 + 2·class + (0 ok | 1 ko). Base 2·classes + 1. */
export class TubePlanner {
  private readonly memo = new Map<number, Node>();
  private readonly base: number;
  private readonly m: number;
  private readonly K: number;

  constructor(private readonly problem: TubeProblem) {
    this.m = problem.levels.length;
    this.K = problem.prior.length;
    this.base = 1 + 2 * Math.max(1, ...problem.guessRates.map((rates) => rates.length));
  }

  /** Solves from the start state; returns the expected objective per unit prior mass. */
  solve(): number {
    const q = Float64Array.from(this.problem.prior);
    const mass = q.reduce((a, b) => a + b, 0);
    return this.node(0, q).value / mass;
  }

  /** Expected loss removed by playing on rather than stopping now, per unit prior mass (0 if stopping is best). */
  gain(): number {
    const q = Float64Array.from(this.problem.prior);
    const mass = q.reduce((a, b) => a + b, 0);
    const root = this.node(0, q);
    return (root.stop - root.value) / mass;
  }

  /** The optimal decision after the given answers (skill index, class, ok). */
  decide(answers: readonly { readonly skill: number; readonly klass: number; readonly ok: boolean }[]): TubeDecision {
    let key = 0;
    for (const { skill, klass, ok } of answers) key += (1 + 2 * klass + (ok ? 0 : 1)) * this.base ** skill;
    const node = this.memo.get(key);
    if (node) return node.decision;
    // Not solved yet (a planner asked for its first decision) or a state off the optimal tree.
    const q = Float64Array.from(this.problem.prior);
    for (const { skill, klass, ok } of answers) this.multiply(q, skill, this.problem.guessRates[skill]?.[klass] ?? 0, ok);
    return this.node(key, q).decision;
  }

  private multiply(q: Float64Array, skill: number, guess: number, ok: boolean): void {
    const level = this.problem.levels[skill] ?? 0;
    for (let k = 0; k < this.K; k++) {
      const pOk = level <= k ? 1 - SLIP : guess;
      q[k] = (q[k] ?? 0) * (ok ? pOk : 1 - pOk);
    }
  }

  private bounds(key: number): [number, number] {
    let lo = this.problem.initiallyValidated;
    let hi = this.problem.initiallyInvalidatedFrom ?? this.m;
    let rest = key;
    for (let i = 0; i < this.m; i++) {
      const digit = rest % this.base;
      rest = Math.floor(rest / this.base);
      if (digit === 0) continue;
      if ((digit - 1) % 2 === 0) lo = Math.max(lo, i + 1);
      else hi = Math.min(hi, i);
    }
    return [lo, hi];
  }

  /** Unnormalised expected loss of reporting skills 0 … v−1 validated and the rest not. */
  private reportLoss(q: Float64Array, v: number): number {
    const { levels, weight } = this.problem;
    const reported = v > 0 ? (levels[v - 1] ?? 0) : 0;
    let total = 0;
    for (let k = 0; k < this.K; k++) {
      const w = q[k] ?? 0;
      if (w === 0) continue;
      let wrong = 0;
      for (let i = 0; i < this.m; i++) if ((i < v) !== ((levels[i] ?? 0) <= k)) wrong++;
      total += w * (wrong + weight * (reported - k) ** 2);
    }
    return total;
  }

  private node(key: number, q: Float64Array): Node {
    const cached = this.memo.get(key);
    if (cached) return cached;
    const { levels, guessRates, cost } = this.problem;
    const [lo, hi] = this.bounds(key);
    let mass = 0;
    for (let k = 0; k < this.K; k++) mass += q[k] ?? 0;

    let stop = this.reportLoss(q, lo);
    let best: Node = { value: stop, stop, decision: { kind: 'stop', close: false, validate: lo } };
    // Model closure: every untested skill ≥ 0.95 or ≤ 0.05; P(mastered) falls with the level.
    if (this.problem.closure && hi > lo && mass > 0) {
      let closeTo = lo;
      let eligible = true;
      for (let i = lo; i < hi; i++) {
        let p = 0;
        for (let k = levels[i] ?? 0; k < this.K; k++) p += q[k] ?? 0;
        p /= mass;
        if (p >= CLOSE_CONFIDENCE) closeTo = i + 1;
        else if (p > 1 - CLOSE_CONFIDENCE) eligible = false;
      }
      if (eligible && closeTo > lo) {
        const value = this.reportLoss(q, closeTo);
        if (value < best.value) {
          stop = value;
          best = { value, stop, decision: { kind: 'stop', close: true, validate: closeTo } };
        }
      }
    }
    // A question costs cost·mass and can remove at most the whole stopping loss: when that is
    // no more than the price, stopping is optimal and the subtree need not be explored.
    if (mass > 0 && best.value > cost * mass) {
      for (let i = lo; i < hi; i++) {
        const rates = guessRates[i] ?? [];
        for (let c = 0; c < rates.length; c++) {
          const guess = rates[c] ?? 0;
          const ok = Float64Array.from(q);
          const ko = Float64Array.from(q);
          this.multiply(ok, i, guess, true);
          this.multiply(ko, i, guess, false);
          const place = this.base ** i;
          const value =
            cost * mass + this.node(key + (1 + 2 * c) * place, ok).value + this.node(key + (2 + 2 * c) * place, ko).value;
          if (value < best.value - 1e-12) best = { value, stop, decision: { kind: 'ask', skill: i, klass: c } };
        }
      }
    }
    this.memo.set(key, best);
    return best;
  }
}
