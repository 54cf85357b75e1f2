/**
 * The ability scale of Jalon's model, in skill levels. A learner has a general ability θ; each
 * competence has its own ability θ_c around θ; each tube's true level sits around θ_c. The
 * population constants are those of spec §8.1 until real answers let us calibrate them.
 */

/** Mean general ability, in levels: the middle of a secondary-school population. */
export const ABILITY_MEAN = 3;
/** Spread of general ability between learners, in levels. */
export const ABILITY_SD = 1.5;
/** Spread of a competence's ability around the general ability, in levels. */
export const COMPETENCE_SD = 0.7;
/** Spread of a tube's true level around its competence ability, in levels. */
export const TUBE_SD = 0.5;

/** Grid bounds and step, in levels: wide enough for θ ± 3.5 SD, fine enough for σ_c = 0.7 (the tube spread is integrated exactly). */
const GRID_MIN = -2.5;
const GRID_MAX = 8.5;
const GRID_STEP = 1 / 3;

/** Ability grid points, shared by θ and every θ_c. */
export const GRID: Float64Array = Float64Array.from(
  { length: Math.round((GRID_MAX - GRID_MIN) / GRID_STEP) + 1 },
  (_, i) => GRID_MIN + i * GRID_STEP,
);
/** Number of grid points. */
export const G = GRID.length;

/** log of the (unnormalised) population prior of θ on the grid. */
export const LOG_ABILITY_PRIOR: Float64Array = GRID.map((theta) => -0.5 * ((theta - ABILITY_MEAN) / ABILITY_SD) ** 2);

/**
 * P(θ_c = GRID[j] | θ = GRID[i]) at index i·G + j: a Gaussian of SD {@link COMPETENCE_SD}
 * normalised over the grid, so that each row sums to 1.
 */
export const COMPETENCE_KERNEL: Float64Array = (() => {
  const kernel = new Float64Array(G * G);
  for (let i = 0; i < G; i++) {
    let sum = 0;
    for (let j = 0; j < G; j++) {
      const value = Math.exp(-0.5 * (((GRID[j] ?? 0) - (GRID[i] ?? 0)) / COMPETENCE_SD) ** 2);
      kernel[i * G + j] = value;
      sum += value;
    }
    for (let j = 0; j < G; j++) kernel[i * G + j] = (kernel[i * G + j] ?? 0) / sum;
  }
  return kernel;
})();

/**
 * Per grid row i, the first and last column where the competence kernel is not negligible
 * (beyond 5 SD): loops over the kernel skip the rest, most of a row.
 */
export const KERNEL_BAND: Int32Array = (() => {
  const band = new Int32Array(2 * G);
  const reach = 5 * COMPETENCE_SD;
  for (let i = 0; i < G; i++) {
    let first = G;
    let last = -1;
    for (let j = 0; j < G; j++) {
      if (Math.abs((GRID[j] ?? 0) - (GRID[i] ?? 0)) > reach) continue;
      first = Math.min(first, j);
      last = Math.max(last, j);
    }
    band[2 * i] = first;
    band[2 * i + 1] = last;
  }
  return band;
})();

/** Standard normal cumulative distribution (Abramowitz–Stegun 7.1.26, error < 1.5e−7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

const levelGivenAbilityCache = new Map<string, Float64Array>();

/**
 * P(h | θ_c) for a tube whose target skills have the given rising levels, at index h·G + j:
 * h = number of those skills mastered. The true level is round(θ_c + N(0, TUBE_SD²)), so
 * P(h ≥ k) = Φ((θ_c − level_k + 0.5) / TUBE_SD). Memoised per level list.
 */
export function tubeLevelGivenAbility(levels: readonly number[]): Float64Array {
  const key = levels.join(',');
  const cached = levelGivenAbilityCache.get(key);
  if (cached) return cached;
  const m = levels.length;
  const table = new Float64Array((m + 1) * G);
  for (let j = 0; j < G; j++) {
    const theta = GRID[j] ?? 0;
    let atLeast = 1;
    for (let h = 0; h <= m; h++) {
      const next = h < m ? normalCdf((theta - (levels[h] ?? 0) + 0.5) / TUBE_SD) : 0;
      table[h * G + j] = Math.max(atLeast - next, 0);
      atLeast = next;
    }
  }
  levelGivenAbilityCache.set(key, table);
  return table;
}
