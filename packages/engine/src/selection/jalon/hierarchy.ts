import type { CompetenceId } from '../../brand';
import { COMPETENCE_KERNEL, G as GRID_SIZE, KERNEL_BAND, LOG_ABILITY_PRIOR, tubeLevelGivenAbility } from './ability-grid';
import type { TubeEvidence } from './tube-evidence';

/**
 * Posterior of each tube's level (h = skills mastered, 0 … m) given every answer of the
 * assessment. Evidence flows tube → competence ability θ_c → general ability θ and back down,
 * so a success in one tube raises the prior of the tubes of the same competence a lot and
 * those of other competences a little. Exact sum-product on the grid: the model is a tree.
 */
export function tubePosteriors(tubes: readonly TubeEvidence[]): Float64Array[] {
  // Local copies: module bindings read in the inner loops are slower than locals once transpiled.
  const G = GRID_SIZE;
  const kernel = COMPETENCE_KERNEL;
  const band = KERNEL_BAND;
  // log m_t(θ_c) = log Σ_h P(h | θ_c) L_t(h), the evidence of a tube as a function of θ_c.
  const tubeEvidence: (Float64Array | undefined)[] = tubes.map((tube) => {
    if (!tube.informed) return undefined;
    const given = tubeLevelGivenAbility(tube.levels);
    const log = new Float64Array(G);
    for (let j = 0; j < G; j++) {
      let sum = 0;
      for (let h = 0; h < tube.likelihood.length; h++) sum += (given[h * G + j] ?? 0) * (tube.likelihood[h] ?? 0);
      log[j] = Math.log(sum);
    }
    return log;
  });

  const competences = new Map<CompetenceId, number[]>();
  tubes.forEach((tube, t) => {
    const list = competences.get(tube.competenceId);
    if (list) list.push(t);
    else competences.set(tube.competenceId, [t]);
  });

  // log f_c(θ_c) = Σ_t log m_t(θ_c), and log g_c(θ) = log Σ_θc K(θ, θ_c) f_c(θ_c).
  const competenceLog = new Map<CompetenceId, Float64Array>();
  const upward = new Map<CompetenceId, Float64Array>();
  const logTheta = Float64Array.from(LOG_ABILITY_PRIOR);
  for (const [competence, members] of competences) {
    const informed = members.map((t) => tubeEvidence[t]).filter((log): log is Float64Array => log !== undefined);
    if (informed.length === 0) continue;
    const logF = new Float64Array(G);
    for (const log of informed) for (let j = 0; j < G; j++) logF[j] = (logF[j] ?? 0) + (log[j] ?? 0);
    competenceLog.set(competence, logF);
    const f = exponentiate(logF);
    const logG = new Float64Array(G);
    for (let i = 0; i < G; i++) {
      let sum = 0;
      const last = band[2 * i + 1] ?? -1;
      for (let j = band[2 * i] ?? G; j <= last; j++) sum += (kernel[i * G + j] ?? 0) * (f.values[j] ?? 0);
      logG[i] = Math.log(sum) + f.shift;
    }
    upward.set(competence, logG);
    for (let i = 0; i < G; i++) logTheta[i] = (logTheta[i] ?? 0) + (logG[i] ?? 0);
  }

  // Prior of θ_c from everything outside competence c: Σ_θ K(θ, θ_c) π_{−c}(θ).
  const downwardCache = new Map<CompetenceId, Float64Array>();
  let uninformedDownward: Float64Array | undefined;
  const downward = (competence: CompetenceId): Float64Array => {
    const logG = upward.get(competence);
    if (!logG && uninformedDownward) return uninformedDownward;
    const cached = downwardCache.get(competence);
    if (cached) return cached;
    const logCavity = logG ? logTheta.map((value, i) => value - (logG[i] ?? 0)) : logTheta;
    const cavity = exponentiate(logCavity).values;
    const prior = new Float64Array(G);
    for (let i = 0; i < G; i++) {
      const weight = cavity[i] ?? 0;
      if (weight < 1e-12) continue;
      const last = band[2 * i + 1] ?? -1;
      for (let j = band[2 * i] ?? G; j <= last; j++) prior[j] = (prior[j] ?? 0) + weight * (kernel[i * G + j] ?? 0);
    }
    if (logG) downwardCache.set(competence, prior);
    else uninformedDownward = prior;
    return prior;
  };

  return tubes.map((tube, t) => {
    const prior = downward(tube.competenceId);
    const logF = competenceLog.get(tube.competenceId);
    const own = tubeEvidence[t];
    // Cavity of θ_c for this tube: the other tubes of its competence, not itself.
    const weights = new Float64Array(G);
    if (logF) {
      const logCavity = new Float64Array(G);
      for (let j = 0; j < G; j++) logCavity[j] = (logF[j] ?? 0) - (own ? (own[j] ?? 0) : 0);
      const cavity = exponentiate(logCavity).values;
      for (let j = 0; j < G; j++) weights[j] = (prior[j] ?? 0) * (cavity[j] ?? 0);
    } else {
      weights.set(prior);
    }
    const given = tubeLevelGivenAbility(tube.levels);
    const posterior = new Float64Array(tube.levels.length + 1);
    let total = 0;
    for (let h = 0; h < posterior.length; h++) {
      let sum = 0;
      for (let j = 0; j < G; j++) sum += (given[h * G + j] ?? 0) * (weights[j] ?? 0);
      const value = sum * (tube.likelihood[h] ?? 0);
      posterior[h] = value;
      total += value;
    }
    for (let h = 0; h < posterior.length; h++) posterior[h] = (posterior[h] ?? 0) / total;
    return posterior;
  });
}

/** exp of a log vector shifted by its maximum, to stay in floating-point range. */
function exponentiate(log: Float64Array): { values: Float64Array; shift: number } {
  let shift = -Infinity;
  for (const value of log) if (value > shift) shift = value;
  return { values: log.map((value) => Math.exp(value - shift)), shift };
}
