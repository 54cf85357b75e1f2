import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSE_CONFIDENCE } from '../../src/selection/jalon/expected-loss';
import { TubePlanner, type TubePlan } from '../../src/selection/jalon/tube-planner';

/**
 * The Bellman equation written out plainly (no memo, no cut, fresh arrays): the unnormalised
 * optimal value of a state whose posterior is q and whose askable skills are lo … hi − 1.
 */
function bellman(plan: TubePlan, q: number[], lo: number, hi: number): number {
  const { levels, slip, levelErrorWeight, questionCost } = plan;
  const m = levels.length;
  const level = (n: number): number => (n > 0 ? (levels[n - 1] ?? 0) : 0);
  const report = (v: number): number =>
    q.reduce((sum, p, h) => sum + p * (Math.abs(v - h) + levelErrorWeight * (level(v) - level(h)) ** 2), 0);
  const mass = q.reduce((a, b) => a + b, 0);
  let best = report(lo);
  if (hi > lo && mass > 0) {
    const mastered = (i: number): number => q.slice(i + 1).reduce((a, b) => a + b, 0) / mass;
    const untested = Array.from({ length: hi - lo }, (_, k) => mastered(lo + k));
    if (untested.every((p) => p >= CLOSE_CONFIDENCE || p <= 1 - CLOSE_CONFIDENCE)) {
      const closeTo = lo + untested.filter((p) => p >= CLOSE_CONFIDENCE).length;
      if (closeTo > lo) best = Math.min(best, report(closeTo));
    }
  }
  for (let i = lo; i < hi; i++) {
    const guess = plan.guess[i] ?? Number.NaN;
    if (Number.isNaN(guess)) continue;
    const ok = q.map((p, h) => p * (h > i ? 1 - slip : guess));
    const ko = q.map((p, h) => p * (h > i ? slip : 1 - guess));
    best = Math.min(best, questionCost * mass + bellman(plan, ok, i + 1, hi) + bellman(plan, ko, lo, i));
  }
  expect(m).toBeGreaterThan(0);
  return best;
}

const planArb = fc
  .integer({ min: 1, max: 5 })
  .chain((m) =>
    fc.record({
      m: fc.constant(m),
      weights: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: m + 1, maxLength: m + 1 }),
      guess: fc.array(fc.constantFrom(0.05, 0.2, 0.125, Number.NaN), { minLength: m, maxLength: m }),
      lo: fc.integer({ min: 0, max: m }),
      span: fc.integer({ min: 0, max: m }),
      questionCost: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
      levelErrorWeight: fc.constantFrom(0, 1.5),
    }),
  );

describe('the exact tube planner', () => {
  it('removes exactly the expected loss the Bellman equation says the best first question removes', () => {
    const planner = new TubePlanner();
    fc.assert(
      fc.property(planArb, ({ m, weights, guess, lo, span, questionCost, levelErrorWeight }) => {
        const total = weights.reduce((a, b) => a + b, 0);
        fc.pre(total > 1e-6);
        const posterior = Float64Array.from(weights.map((w) => w / total));
        const plan: TubePlan = {
          levels: Array.from({ length: m }, (_, i) => i + 1),
          posterior,
          guess: Float64Array.from(guess),
          lo,
          hi: Math.min(m, lo + span),
          slip: 0.1,
          levelErrorWeight,
          questionCost,
        };
        const move = planner.firstMove(plan);
        const q = [...posterior];
        const stop = bellman({ ...plan, guess: new Float64Array(m).fill(Number.NaN) }, q, plan.lo, plan.hi);
        const optimal = bellman(plan, q, plan.lo, plan.hi);
        expect(move.gain).toBeCloseTo(stop - optimal, 9);
        if (move.skill >= 0) expect(plan.guess[move.skill]).not.toBeNaN();
        else expect(stop - optimal).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('asks nothing in a tube whose level is known, and closes it by model when that is right', () => {
    const planner = new TubePlanner();
    const move = planner.firstMove({
      levels: [1, 2, 3, 4],
      posterior: Float64Array.from([0, 0, 0.99, 0.01, 0]),
      guess: Float64Array.from([0.05, 0.05, 0.05, 0.05]),
      lo: 0,
      hi: 4,
      slip: 0.1,
      levelErrorWeight: 1.5,
      questionCost: 0.8,
    });
    expect(move).toEqual({ skill: -1, gain: 0, close: true });
  });
});
