import type { CompetenceId } from '../../brand';
import { COMPETENCE_KERNEL, G as GRID_SIZE, KERNEL_BAND, LOG_ABILITY_PRIOR, tubeLevelGivenAbility } from './ability-grid';
import type { TubeEvidence } from './tube-evidence';

/**
 * Posterior of each tube's level (h = skills mastered, 0 … m) given every answer of the
 * assessment. Evidence flows tube → competence ability θ_c → general ability θ and back down,
 * so a success in one tube raises the prior of the tubes of the same competence a lot and
 * those of other competences a little. Exact sum-product on the grid: the model is a tree.
 * Written with flat loops and few allocations: it runs on every `next` call.
 */
export function tubePosteriors(tubes: readonly TubeEvidence[]): Float64Array[] {
  // Local copies: module bindings read in the inner loops are slower than locals once transpiled.
  const G = GRID_SIZE;
  const kernel = COMPETENCE_KERNEL;
  const band = KERNEL_BAND;

  // log m_t(θ_c) = log Σ_h P(h | θ_c) L_t(h): what a tube's evidence says about θ_c.
  const tubeLog: (Float64Array | undefined)[] = tubes.map((tube) => {
    if (!tube.informed) return undefined;
    const given = tubeLevelGivenAbility(tube.levels);
    const likelihood = tube.likelihood;
    const hint = tube.abilityHint;
    const log = new Float64Array(G);
    for (let j = 0; j < G; j++) {
      let sum = 0;
      for (let h = 0; h < likelihood.length; h++) sum += (given[h * G + j] ?? 0) * (likelihood[h] ?? 0) * (hint[h] ?? 1);
      log[j] = Math.log(sum);
    }
    return log;
  });

  const members = new Map<CompetenceId, number[]>();
  tubes.forEach((tube, t) => {
    const list = members.get(tube.competenceId);
    if (list) list.push(t);
    else members.set(tube.competenceId, [t]);
  });

  // Upward: log f_c(θ_c) = Σ_t log m_t(θ_c), then log g_c(θ) = log Σ_θc K(θ, θ_c) f_c(θ_c).
  const competenceLog = new Map<CompetenceId, Float64Array>();
  const upward = new Map<CompetenceId, Float64Array>();
  const logTheta = Float64Array.from(LOG_ABILITY_PRIOR);
  const work = new Float64Array(G);
  for (const [competence, indexes] of members) {
    let logF: Float64Array | undefined;
    for (const t of indexes) {
      const log = tubeLog[t];
      if (!log) continue;
      logF ??= new Float64Array(G);
      for (let j = 0; j < G; j++) logF[j] = (logF[j] ?? 0) + (log[j] ?? 0);
    }
    if (!logF) continue;
    competenceLog.set(competence, logF);
    const shift = exponentiateInto(logF, work);
    const logG = new Float64Array(G);
    for (let i = 0; i < G; i++) {
      let sum = 0;
      const last = band[2 * i + 1] ?? -1;
      for (let j = band[2 * i] ?? G; j <= last; j++) sum += (kernel[i * G + j] ?? 0) * (work[j] ?? 0);
      logG[i] = Math.log(sum) + shift;
      logTheta[i] = (logTheta[i] ?? 0) + (logG[i] ?? 0);
    }
    upward.set(competence, logG);
  }

  // Downward: prior of θ_c from everything outside competence c, Σ_θ K(θ, θ_c) π_{−c}(θ).
  const downwardPriors = new Map<CompetenceId, Float64Array>();
  let uninformedPrior: Float64Array | undefined;
  const downward = (competence: CompetenceId): Float64Array => {
    const logG = upward.get(competence);
    const cached = logG ? downwardPriors.get(competence) : uninformedPrior;
    if (cached) return cached;
    for (let i = 0; i < G; i++) work[i] = (logTheta[i] ?? 0) - (logG ? (logG[i] ?? 0) : 0);
    exponentiateInto(work, work);
    const prior = new Float64Array(G);
    for (let i = 0; i < G; i++) {
      const weight = work[i] ?? 0;
      if (weight < 1e-12) continue;
      const last = band[2 * i + 1] ?? -1;
      for (let j = band[2 * i] ?? G; j <= last; j++) prior[j] = (prior[j] ?? 0) + weight * (kernel[i * G + j] ?? 0);
    }
    if (logG) downwardPriors.set(competence, prior);
    else uninformedPrior = prior;
    return prior;
  };

  const weights = new Float64Array(G);
  // Tubes without evidence of their own share one posterior per (competence, levels).
  const uninformed = new Map<string, Float64Array>();
  return tubes.map((tube, t) => {
    const key = tube.informed ? '' : `${tube.competenceId}|${tube.levels.join(',')}`;
    const shared = tube.informed ? undefined : uninformed.get(key);
    if (shared) return Float64Array.from(shared);
    const prior = downward(tube.competenceId);
    const logF = competenceLog.get(tube.competenceId);
    const own = tubeLog[t];
    if (logF) {
      // The other tubes of the competence, without this one: its own evidence enters once, below.
      for (let j = 0; j < G; j++) weights[j] = (logF[j] ?? 0) - (own ? (own[j] ?? 0) : 0);
      exponentiateInto(weights, weights);
      for (let j = 0; j < G; j++) weights[j] = (weights[j] ?? 0) * (prior[j] ?? 0);
    } else {
      weights.set(prior);
    }
    const given = tubeLevelGivenAbility(tube.levels);
    const posterior = new Float64Array(tube.levels.length + 1);
    let total = 0;
    for (let h = 0; h < posterior.length; h++) {
      let sum = 0;
      const row = h * G;
      for (let j = 0; j < G; j++) sum += (given[row + j] ?? 0) * (weights[j] ?? 0);
      const value = sum * (tube.likelihood[h] ?? 0);
      posterior[h] = value;
      total += value;
    }
    for (let h = 0; h < posterior.length; h++) posterior[h] = (posterior[h] ?? 0) / total;
    if (!tube.informed) uninformed.set(key, posterior);
    return posterior;
  });
}

/** Writes exp(log − max) into `out` (which may be `log` itself) and returns the max. */
function exponentiateInto(log: Float64Array, out: Float64Array): number {
  let shift = -Infinity;
  for (let i = 0; i < log.length; i++) if ((log[i] ?? -Infinity) > shift) shift = log[i] ?? -Infinity;
  for (let i = 0; i < log.length; i++) out[i] = Math.exp((log[i] ?? 0) - shift);
  return shift;
}
