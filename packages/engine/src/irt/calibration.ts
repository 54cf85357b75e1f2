import { ABILITY_MEAN, ABILITY_SD } from '../selection/jalon/ability-grid';
import { CAPACITY_GRID } from './capacity-estimation';
import { UNCALIBRATED_DIFFICULTY_OFFSET } from './parameters';
import type { IrtParameters } from './two-pl';

/**
 * Offline calibration of 2PL parameters from recorded answers: marginal maximum likelihood by
 * EM (Bock–Aitkin) on the estimation grid of spec §7. Capacities are never estimated one by
 * one: each learner's answers give a posterior over the grid, whose expected counts per item
 * and grid point are then fitted by a penalised logistic regression.
 */

/** One recorded answer. */
export interface CalibrationResponse {
  /** Whoever answered: a user, or a course when one person may sit several tests. */
  readonly learnerId: string;
  readonly challengeId: string;
  readonly ok: boolean;
}

/** Settings of {@link calibrate}. */
export interface CalibrationOptions {
  /** Items with fewer answers are skipped (their answers are left out of the fit). */
  readonly minAnswers?: number;
  /** EM stops after this many iterations even if not converged. */
  readonly maxIterations?: number;
  /** Converged when no parameter moves by more than this between two iterations. */
  readonly tolerance?: number;
  /**
   * Items whose parameters are known and kept fixed. With anchors, the population's mean and
   * standard deviation are estimated, which puts the new items on the anchors' scale; without,
   * the population stays at `population`, which fixes the scale.
   */
  readonly anchors?: Readonly<Record<string, IrtParameters>>;
  /** Capacity distribution of the learners (the start of its estimation with anchors); {@link DEFAULT_CALIBRATION_POPULATION} when absent. */
  readonly population?: { readonly mean: number; readonly sd: number };
  /** Standard deviation of the log-normal prior on the discrimination (median 1). */
  readonly discriminationPriorSd?: number;
}

/** A calibrated item. */
export interface CalibratedItem extends IrtParameters {
  readonly answers: number;
  /** Share of `ok` answers. */
  readonly successRate: number;
  /** Asymptotic standard errors from the last M-step's information. */
  readonly standardErrors: { readonly difficulty: number; readonly discrimination: number };
  /** Kept at the anchor's given values. */
  readonly anchored: boolean;
}

/** Outcome of {@link calibrate}. */
export interface CalibrationResult {
  readonly items: Readonly<Record<string, CalibratedItem>>;
  /** Items left out for too few answers, in id order. */
  readonly skipped: readonly { readonly challengeId: string; readonly answers: number }[];
  /** Learners with at least one answer to a calibrated item. */
  readonly learners: number;
  /** Later answers of a learner to a challenge already answered, ignored. */
  readonly duplicates: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Marginal log-likelihood of the answers at the final parameters (without the prior). */
  readonly logLikelihood: number;
  /** Capacity distribution of the learners: the one given without anchors, estimated with. */
  readonly population: { readonly mean: number; readonly sd: number };
}

/** Enough answers for δ within about ±0.2 and a within ±0.25 at one standard error on a mid-range item. */
export const DEFAULT_MIN_ANSWERS = 100;
export const DEFAULT_MAX_ITERATIONS = 500;
export const DEFAULT_TOLERANCE = 1e-4;
/**
 * log a ~ N(0, 0.75²): weak enough to move a well-answered item's a by a few hundredths, strong
 * enough to keep an item that nearly everyone gets right (or wrong) from an infinite slope.
 */
export const DEFAULT_DISCRIMINATION_PRIOR_SD = 0.75;
/**
 * The population the selection model assumes (ability N(3, 1.5²) in levels, spec §8.1) moved onto
 * the capacity scale by the offset of the derived difficulties (δ = level − 3.5): N(−0.5, 1.5²).
 * Fixing it keeps a calibration without anchors on the scale the default meshes were set for.
 */
export const DEFAULT_CALIBRATION_POPULATION = { mean: ABILITY_MEAN - UNCALIBRATED_DIFFICULTY_OFFSET, sd: ABILITY_SD } as const;

/** Bounds that keep a degenerate item finite; real items sit well inside. */
const MIN_DISCRIMINATION = 0.05;
const MAX_DISCRIMINATION = 6;
const MAX_ABS_DIFFICULTY = 8;
/** Newton steps per item and M-step; the fit is nearly quadratic, 3–4 usually suffice. */
const NEWTON_STEPS = 20;
/** A population SD below this would let the anchors' scale collapse. */
const MIN_POPULATION_SD = 0.05;

interface ItemState {
  readonly id: string;
  discrimination: number;
  difficulty: number;
  readonly anchored: boolean;
  answers: number;
  successes: number;
  /** Expected number of learners at each grid point, and of successes there (E-step). */
  readonly expected: Float64Array;
  readonly expectedOk: Float64Array;
  standardErrors: { difficulty: number; discrimination: number };
}

/**
 * Estimates difficulty and discrimination of every item with enough answers.
 * @throws RangeError on invalid options.
 */
export function calibrate(responses: readonly CalibrationResponse[], options: CalibrationOptions = {}): CalibrationResult {
  const minAnswers = options.minAnswers ?? DEFAULT_MIN_ANSWERS;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const priorSd = options.discriminationPriorSd ?? DEFAULT_DISCRIMINATION_PRIOR_SD;
  const anchors = options.anchors ?? {};
  const start = options.population ?? DEFAULT_CALIBRATION_POPULATION;
  if (!Number.isFinite(start.mean) || !(start.sd > 0) || !Number.isFinite(start.sd)) throw new RangeError('population needs a finite mean and a positive sd');
  if (!Number.isInteger(minAnswers) || minAnswers < 1) throw new RangeError('minAnswers must be a positive whole number');
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new RangeError('maxIterations must be a positive whole number');
  if (!(tolerance > 0)) throw new RangeError('tolerance must be positive');
  if (!(priorSd > 0)) throw new RangeError('discriminationPriorSd must be positive');
  for (const [id, anchor] of Object.entries(anchors)) {
    if (!Number.isFinite(anchor.difficulty) || !(anchor.discrimination > 0) || !Number.isFinite(anchor.discrimination)) {
      throw new RangeError(`anchor ${id} has invalid parameters`);
    }
  }

  // One answer per learner and item: a second attempt is not independent of the first.
  const seen = new Set<string>();
  const counts = new Map<string, { answers: number; successes: number }>();
  const unique: CalibrationResponse[] = [];
  let duplicates = 0;
  for (const response of responses) {
    const key = JSON.stringify([response.learnerId, response.challengeId]);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    unique.push(response);
    const count = counts.get(response.challengeId) ?? { answers: 0, successes: 0 };
    count.answers++;
    if (response.ok) count.successes++;
    counts.set(response.challengeId, count);
  }

  const points = CAPACITY_GRID.length;
  const items = new Map<string, ItemState>();
  const skipped: { challengeId: string; answers: number }[] = [];
  for (const [id, count] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const anchor = anchors[id];
    if (!anchor && count.answers < minAnswers) {
      skipped.push({ challengeId: id, answers: count.answers });
      continue;
    }
    const rate = (count.successes + 0.5) / (count.answers + 1);
    items.set(id, {
      id,
      discrimination: anchor?.discrimination ?? 1,
      difficulty: anchor?.difficulty ?? clamp(start.mean + start.sd * Math.log((1 - rate) / rate), -MAX_ABS_DIFFICULTY, MAX_ABS_DIFFICULTY),
      anchored: anchor !== undefined,
      answers: count.answers,
      successes: count.successes,
      expected: new Float64Array(points),
      expectedOk: new Float64Array(points),
      standardErrors: { difficulty: Number.NaN, discrimination: Number.NaN },
    });
  }

  const byLearner = new Map<string, { item: ItemState; ok: boolean }[]>();
  for (const response of unique) {
    const item = items.get(response.challengeId);
    if (!item) continue;
    const list = byLearner.get(response.learnerId) ?? [];
    list.push({ item, ok: response.ok });
    byLearner.set(response.learnerId, list);
  }
  const learners = [...byLearner.values()];
  const estimatePopulation = Object.keys(anchors).some((id) => items.has(id));

  let population = { mean: start.mean, sd: start.sd };
  let iterations = 0;
  let converged = false;
  let logLikelihood = Number.NEGATIVE_INFINITY;
  const logPosterior = new Float64Array(points);
  while (iterations < maxIterations && !converged) {
    iterations++;
    const e = expectation(learners, [...items.values()], population, logPosterior);
    logLikelihood = e.logLikelihood;
    let largestMove = 0;
    for (const item of items.values()) {
      if (item.anchored) continue;
      const before = { a: item.discrimination, d: item.difficulty };
      fitItem(item, priorSd);
      largestMove = Math.max(largestMove, Math.abs(item.discrimination - before.a), Math.abs(item.difficulty - before.d));
    }
    if (estimatePopulation) {
      const moved = Math.max(Math.abs(e.population.mean - population.mean), Math.abs(e.population.sd - population.sd));
      largestMove = Math.max(largestMove, moved);
      population = e.population;
    }
    converged = largestMove < tolerance;
  }
  // The likelihood and standard errors at the parameters reported, not one step before.
  logLikelihood = expectation(learners, [...items.values()], population, logPosterior).logLikelihood;
  for (const item of items.values()) if (!item.anchored) item.standardErrors = standardErrors(item, priorSd);

  const result: Record<string, CalibratedItem> = {};
  for (const item of items.values()) {
    result[item.id] = {
      difficulty: item.difficulty,
      discrimination: item.discrimination,
      answers: item.answers,
      successRate: item.successes / item.answers,
      standardErrors: item.anchored ? { difficulty: 0, discrimination: 0 } : item.standardErrors,
      anchored: item.anchored,
    };
  }
  return { items: result, skipped, learners: learners.length, duplicates, iterations, converged, logLikelihood, population };
}

/**
 * E-step: each learner's posterior over the grid (population prior × likelihood of their
 * answers), added into the items' expected counts; also the marginal log-likelihood and the
 * posterior mean and SD of the population.
 */
function expectation(
  learners: readonly (readonly { item: ItemState; ok: boolean }[])[],
  items: readonly ItemState[],
  population: { mean: number; sd: number },
  logPosterior: Float64Array,
): { logLikelihood: number; population: { mean: number; sd: number } } {
  const points = CAPACITY_GRID.length;
  const logPrior = new Float64Array(points);
  let priorTotal = 0;
  for (let q = 0; q < points; q++) priorTotal += Math.exp(-(((CAPACITY_GRID[q] ?? 0) - population.mean) ** 2) / (2 * population.sd ** 2));
  for (let q = 0; q < points; q++) {
    logPrior[q] = -(((CAPACITY_GRID[q] ?? 0) - population.mean) ** 2) / (2 * population.sd ** 2) - Math.log(priorTotal);
  }
  // log P and log (1 − P) of every item on the grid, once per iteration.
  const logOk = new Map<ItemState, Float64Array>();
  const logKo = new Map<ItemState, Float64Array>();
  for (const item of items) {
    item.expected.fill(0);
    item.expectedOk.fill(0);
    const ok = new Float64Array(points);
    const ko = new Float64Array(points);
    for (let q = 0; q < points; q++) {
      const z = item.discrimination * ((CAPACITY_GRID[q] ?? 0) - item.difficulty);
      ok[q] = -softplus(-z);
      ko[q] = -softplus(z);
    }
    logOk.set(item, ok);
    logKo.set(item, ko);
  }

  let logLikelihood = 0;
  let sum = 0;
  let sumSquares = 0;
  const posterior = new Float64Array(points);
  for (const answers of learners) {
    logPosterior.set(logPrior);
    for (const { item, ok } of answers) {
      const table = (ok ? logOk : logKo).get(item);
      if (!table) continue;
      for (let q = 0; q < points; q++) logPosterior[q] = (logPosterior[q] ?? 0) + (table[q] ?? 0);
    }
    let largest = Number.NEGATIVE_INFINITY;
    for (let q = 0; q < points; q++) largest = Math.max(largest, logPosterior[q] ?? 0);
    let total = 0;
    for (let q = 0; q < points; q++) {
      const value = Math.exp((logPosterior[q] ?? 0) - largest);
      posterior[q] = value;
      total += value;
    }
    logLikelihood += largest + Math.log(total);
    for (let q = 0; q < points; q++) {
      const weight = (posterior[q] ?? 0) / total;
      posterior[q] = weight;
      sum += weight * (CAPACITY_GRID[q] ?? 0);
      sumSquares += weight * (CAPACITY_GRID[q] ?? 0) ** 2;
    }
    for (const { item, ok } of answers) {
      for (let q = 0; q < points; q++) {
        const weight = posterior[q] ?? 0;
        item.expected[q] = (item.expected[q] ?? 0) + weight;
        if (ok) item.expectedOk[q] = (item.expectedOk[q] ?? 0) + weight;
      }
    }
  }
  const n = Math.max(1, learners.length);
  const mean = sum / n;
  const sd = Math.max(MIN_POPULATION_SD, Math.sqrt(Math.max(0, sumSquares / n - mean * mean)));
  return { logLikelihood, population: { mean, sd } };
}

/**
 * M-step for one item: Newton's method on the expected complete-data log-likelihood plus the
 * log-normal prior on a, in the slope–intercept form z = a θ + c (c = −a δ), where the
 * likelihood is concave; a step that does not raise the objective is halved.
 */
function fitItem(item: ItemState, priorSd: number): void {
  let a = item.discrimination;
  let c = -a * item.difficulty;
  let current = objective(item, a, c, priorSd);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const { gradA, gradC, hAA, hAC, hCC } = derivatives(item, a, c, priorSd);
    const det = hAA * hCC - hAC * hAC;
    // Newton direction −H⁻¹ g when H is negative definite, else plain gradient ascent.
    let da: number;
    let dc: number;
    if (hAA < 0 && det > 0) {
      da = -(hCC * gradA - hAC * gradC) / det;
      dc = -(hAA * gradC - hAC * gradA) / det;
    } else {
      da = gradA * 1e-3;
      dc = gradC * 1e-3;
    }
    let scale = 1;
    let moved = false;
    while (scale > 1e-6) {
      const nextA = clamp(a + scale * da, MIN_DISCRIMINATION, MAX_DISCRIMINATION);
      const nextC = c + scale * dc;
      const value = objective(item, nextA, nextC, priorSd);
      if (value >= current) {
        moved = Math.abs(nextA - a) > 1e-10 || Math.abs(nextC - c) > 1e-10;
        a = nextA;
        c = nextC;
        current = value;
        break;
      }
      scale /= 2;
    }
    if (!moved) break;
  }
  item.discrimination = a;
  item.difficulty = clamp(-c / a, -MAX_ABS_DIFFICULTY, MAX_ABS_DIFFICULTY);
}

function objective(item: ItemState, a: number, c: number, priorSd: number): number {
  let value = logDiscriminationPrior(a, priorSd);
  for (let q = 0; q < CAPACITY_GRID.length; q++) {
    const n = item.expected[q] ?? 0;
    if (n === 0) continue;
    const r = item.expectedOk[q] ?? 0;
    const z = a * (CAPACITY_GRID[q] ?? 0) + c;
    value -= r * softplus(-z) + (n - r) * softplus(z);
  }
  return value;
}

function derivatives(item: ItemState, a: number, c: number, priorSd: number) {
  let gradA = 0;
  let gradC = 0;
  let hAA = 0;
  let hAC = 0;
  let hCC = 0;
  for (let q = 0; q < CAPACITY_GRID.length; q++) {
    const n = item.expected[q] ?? 0;
    if (n === 0) continue;
    const theta = CAPACITY_GRID[q] ?? 0;
    const p = logistic(a * theta + c);
    const residual = (item.expectedOk[q] ?? 0) - n * p;
    const weight = n * p * (1 - p);
    gradA += residual * theta;
    gradC += residual;
    hAA -= weight * theta * theta;
    hAC -= weight * theta;
    hCC -= weight;
  }
  // log-normal prior: log p(a) = −(log a)² / (2 s²) − log a + constant.
  const s2 = priorSd * priorSd;
  gradA += -Math.log(a) / (s2 * a) - 1 / a;
  hAA += (Math.log(a) - 1) / (s2 * a * a) + 1 / (a * a);
  return { gradA, gradC, hAA, hAC, hCC };
}

/** Standard errors of (δ, a) from the inverse information in (a, c), by the delta method for δ = −c / a. */
function standardErrors(item: ItemState, priorSd: number): { difficulty: number; discrimination: number } {
  const a = item.discrimination;
  const c = -a * item.difficulty;
  const { hAA, hAC, hCC } = derivatives(item, a, c, priorSd);
  const det = hAA * hCC - hAC * hAC;
  if (!(det > 0)) return { difficulty: Number.POSITIVE_INFINITY, discrimination: Number.POSITIVE_INFINITY };
  const varA = -hCC / det;
  const varC = -hAA / det;
  const cov = hAC / det;
  const d = item.difficulty;
  const varD = (varC + d * d * varA + 2 * d * cov) / (a * a);
  return { difficulty: Math.sqrt(Math.max(0, varD)), discrimination: Math.sqrt(Math.max(0, varA)) };
}

function logDiscriminationPrior(a: number, priorSd: number): number {
  const log = Math.log(a);
  return -(log * log) / (2 * priorSd * priorSd) - log;
}

function logistic(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** log(1 + eᶻ) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
