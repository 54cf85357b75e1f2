import { describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION_POPULATION, calibrate, type CalibrationResponse } from '../../src/irt/calibration';
import { successProbability, type IrtParameters } from '../../src/irt/two-pl';
import { createRandom } from '../../src/random';

interface Simulation {
  readonly truth: ReadonlyMap<string, IrtParameters>;
  readonly responses: CalibrationResponse[];
}

/**
 * `learners` learners θ ~ N(mean, sd²), each answering `perLearner` of `items` items drawn
 * without replacement (an incomplete design, as an adaptive test produces); items have
 * a ~ U(0.8, 2.0) and δ ~ U(−2, 2), the synthetic bank's ranges.
 */
function simulate(seed: number, learners: number, items: number, perLearner: number, mean = 0, sd = 1): Simulation {
  const random = createRandom(seed, 3);
  const truth = new Map<string, IrtParameters>();
  for (let j = 0; j < items; j++) {
    truth.set(`rec${String(j).padStart(3, '0')}`, { discrimination: 0.8 + 1.2 * random.next(), difficulty: -2 + 4 * random.next() });
  }
  const ids = [...truth.keys()];
  const responses: CalibrationResponse[] = [];
  for (let i = 0; i < learners; i++) {
    const theta = mean + sd * random.normal();
    const order = [...ids];
    for (let k = order.length - 1; k > 0; k--) {
      const swap = random.int(k + 1);
      [order[k], order[swap]] = [order[swap] ?? '', order[k] ?? ''];
    }
    for (const id of order.slice(0, perLearner)) {
      const item = truth.get(id);
      if (item) responses.push({ learnerId: `l${i}`, challengeId: id, ok: random.next() < successProbability(theta, item) });
    }
  }
  return { truth, responses };
}

function rmse(values: readonly number[]): number {
  return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);
}

function errors(result: ReturnType<typeof calibrate>, truth: ReadonlyMap<string, IrtParameters>, skipAnchored = false) {
  const difficulty: number[] = [];
  const discrimination: number[] = [];
  for (const [id, item] of Object.entries(result.items)) {
    if (skipAnchored && item.anchored) continue;
    const expected = truth.get(id);
    if (!expected) throw new Error(`unknown item ${id}`);
    difficulty.push(item.difficulty - expected.difficulty);
    discrimination.push(item.discrimination - expected.discrimination);
  }
  return { difficulty: rmse(difficulty), discrimination: rmse(discrimination), count: difficulty.length };
}

describe('calibrate (2PL, marginal maximum likelihood by EM)', () => {
  it('recovers the generating parameters of 1,000 simulated learners × 40 items (25 answers each)', () => {
    const { truth, responses } = simulate(11, 1000, 40, 25);
    const result = calibrate(responses, { population: { mean: 0, sd: 1 } });
    expect(result.converged).toBe(true);
    expect(result.learners).toBe(1000);
    expect(result.skipped).toEqual([]);
    const e = errors(result, truth);
    expect(e.count).toBe(40);
    // Tolerances of the README: at 625 answers per item one standard error is about 0.11 on
    // δ and 0.13 on a; over ten seeds the RMSEs ran 0.11–0.22 and 0.12–0.22.
    expect(e.difficulty).toBeLessThan(0.25);
    expect(e.discrimination).toBeLessThan(0.3);
    // The reported standard errors are of the right size.
    const medianSe = Object.values(result.items).map((i) => i.standardErrors.difficulty).sort((a, b) => a - b)[20] ?? 0;
    expect(medianSe).toBeGreaterThan(0.03);
    expect(medianSe).toBeLessThan(0.3);
    expect(Number.isFinite(result.logLikelihood) && result.logLikelihood < 0).toBe(true);
  });

  it('fixes the scale with the population of the selection model, N(−0.5, 1.5²), by default', () => {
    expect(DEFAULT_CALIBRATION_POPULATION).toEqual({ mean: -0.5, sd: 1.5 });
    const { truth, responses } = simulate(31, 1000, 40, 25, -0.5, 1.5);
    const result = calibrate(responses);
    expect(result.converged).toBe(true);
    expect(result.population).toEqual({ mean: -0.5, sd: 1.5 });
    const e = errors(result, truth);
    expect(e.difficulty).toBeLessThan(0.25);
    expect(e.discrimination).toBeLessThan(0.3);
    // Assuming another population moves and stretches every difficulty with it.
    const unit = calibrate(responses, { population: { mean: 0, sd: 1 } });
    const shift = Object.entries(unit.items).map(([id, item]) => item.difficulty - (result.items[id]?.difficulty ?? 0));
    expect(Math.abs(shift.reduce((sum, d) => sum + d, 0) / shift.length)).toBeGreaterThan(0.3);
  });

  it('puts new items on the anchors’ scale and estimates the population', () => {
    const { truth, responses } = simulate(23, 1000, 36, 24, 0.6, 1.3);
    const anchors = Object.fromEntries([...truth.entries()].slice(0, 12));
    const result = calibrate(responses, { anchors });
    expect(result.converged).toBe(true);
    expect(result.population.mean).toBeGreaterThan(0.35);
    expect(result.population.mean).toBeLessThan(0.85);
    expect(result.population.sd).toBeGreaterThan(1.1);
    expect(result.population.sd).toBeLessThan(1.5);
    for (const [id, anchor] of Object.entries(anchors)) expect(result.items[id]).toMatchObject({ ...anchor, anchored: true });
    const e = errors(result, truth, true);
    expect(e.count).toBe(24);
    expect(e.difficulty).toBeLessThan(0.25);
    expect(e.discrimination).toBeLessThan(0.3);
  });

  it('skips items with too few answers and ignores repeated answers', () => {
    const { responses } = simulate(5, 200, 10, 10);
    const rare = Array.from({ length: 30 }, (_, i): CalibrationResponse => ({ learnerId: `l${i}`, challengeId: 'recRare', ok: i % 2 === 0 }));
    const repeated = responses.slice(0, 7).map((r) => ({ ...r, ok: !r.ok }));
    const result = calibrate([...responses, ...rare, ...repeated], { minAnswers: 50 });
    expect(result.skipped).toEqual([{ challengeId: 'recRare', answers: 30 }]);
    expect(result.items.recRare).toBeUndefined();
    expect(result.duplicates).toBe(7);
    expect(Object.keys(result.items)).toHaveLength(10);
    expect(Object.values(result.items).every((i) => i.answers === 200)).toBe(true);
  });

  it('keeps an item everyone gets right finite, easy and reports when it stops before converging', () => {
    const { responses } = simulate(8, 300, 8, 8);
    const easy = Array.from({ length: 300 }, (_, i): CalibrationResponse => ({ learnerId: `l${i}`, challengeId: 'recEasy', ok: true }));
    const result = calibrate([...responses, ...easy]);
    const item = result.items.recEasy;
    expect(item).toBeDefined();
    expect(Number.isFinite(item?.difficulty)).toBe(true);
    expect(item?.difficulty).toBeLessThan(-2);
    expect(item?.discrimination).toBeLessThanOrEqual(6);
    const early = calibrate(responses, { maxIterations: 2 });
    expect(early).toMatchObject({ iterations: 2, converged: false });
  });

  it('is deterministic and refuses invalid options', () => {
    const { responses } = simulate(2, 150, 6, 6);
    expect(calibrate(responses, { minAnswers: 10 })).toEqual(calibrate(responses, { minAnswers: 10 }));
    expect(() => calibrate(responses, { minAnswers: 0 })).toThrow(RangeError);
    expect(() => calibrate(responses, { tolerance: 0 })).toThrow(RangeError);
    expect(() => calibrate(responses, { population: { mean: 0, sd: 0 } })).toThrow(RangeError);
    expect(() => calibrate(responses, { anchors: { rec000: { difficulty: 0, discrimination: -1 } } })).toThrow(RangeError);
  });
});
