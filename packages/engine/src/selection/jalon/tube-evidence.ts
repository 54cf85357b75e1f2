import type { CompetenceId, SkillId, TubeId } from '../../brand';
import type { ChallengeType } from '../../answer-checking';
import type { ChallengeCandidate, SelectionState, TargetSkill } from '../types';
import type { ChallengePool } from '../challenge-pool';

/** P(not ok | skill mastered): slips, misreadings, skips. Slightly above the simulated 0.1. */
export const SLIP = 0.1;
/** P(ok | skill not mastered) by challenge type: a QCU can be guessed, free text hardly. */
export const GUESS: Readonly<Record<ChallengeType, number>> = {
  QCU: 0.2,
  QCM: 0.05,
  QROC: 0.05,
  'QROCM-ind': 0.05,
  'QROCM-dep': 0.05,
};
/**
 * How much an earlier knowledge element is trusted: the likelihood left to the hypotheses it
 * contradicts. Earlier tests went through the same noise, so they are strong but not certain.
 */
export const EARLIER_EVIDENCE_DOUBT = 0.05;
/**
 * Likelihood left to "the skill just above an earlier validated one is mastered" when that
 * skill holds no earlier KE. The 4-day rule forgets failures, not successes, so such a gap is
 * most often a forgotten failure: P(failed | mastered) / P(failed | not mastered) = SLIP / (1 −
 * guess) ≈ 0.1. Without it, a learner's earlier tubes look open-ended above and push the
 * ability estimate, and the other tubes' first questions, too high.
 */
export const FORGOTTEN_FAILURE_DOUBT = 0.1;

/** Status of a skill holding a validated kept KE. */
export const VALIDATED = 1;
/** Status of a skill holding an invalidated kept KE. */
export const INVALIDATED = -1;
/** Status of a skill with no kept KE: the only ones that can be asked or closed by the model. */
export const UNTESTED = 0;

/** Everything the model knows about one tube of the target profile. */
export interface TubeEvidence {
  readonly tubeId: TubeId;
  readonly competenceId: CompetenceId;
  /** Target skills by rising level. */
  readonly skills: readonly TargetSkill[];
  readonly levels: readonly number[];
  /** Current status per skill (VALIDATED, INVALIDATED, UNTESTED). */
  readonly statuses: Int8Array;
  /** Likelihood of the answers and earlier KEs for each h = 0 … m (skills mastered), scaled to max 1. */
  readonly likelihood: Float64Array;
  /**
   * Extra factor per h on what the tube tells the abilities, not on its own posterior: the
   * hint of a forgotten failure ({@link FORGOTTEN_FAILURE_DOUBT}). 1 everywhere by default.
   */
  readonly abilityHint: Float64Array;
  /** Whether any answer or earlier KE bears on the tube. */
  readonly informed: boolean;
  /** Per skill, the challenges that may still be served (empty when not askable). */
  readonly askable: readonly (readonly ChallengeCandidate[])[];
}

interface TubeLayout {
  readonly tubeId: TubeId;
  readonly competenceId: CompetenceId;
  readonly skills: readonly TargetSkill[];
  readonly levels: readonly number[];
}

interface Layout {
  readonly tubes: readonly TubeLayout[];
  readonly where: ReadonlyMap<SkillId, { readonly tube: number; readonly index: number }>;
}

/** Target skills are fixed for an assessment, so their grouping is computed once per list. */
const layouts = new WeakMap<readonly TargetSkill[], Layout>();

function layoutOf(skills: readonly TargetSkill[]): Layout {
  const cached = layouts.get(skills);
  if (cached) return cached;
  const byTube = new Map<TubeId, TargetSkill[]>();
  for (const skill of skills) {
    const list = byTube.get(skill.tubeId);
    if (list) list.push(skill);
    else byTube.set(skill.tubeId, [skill]);
  }
  const tubes: TubeLayout[] = [];
  const where = new Map<SkillId, { tube: number; index: number }>();
  for (const [tubeId, list] of byTube) {
    list.sort((a, b) => a.level - b.level);
    list.forEach((skill, index) => where.set(skill.id, { tube: tubes.length, index }));
    const first = list[0];
    if (!first) continue;
    tubes.push({ tubeId, competenceId: first.competenceId, skills: list, levels: list.map((skill) => skill.level) });
  }
  const layout = { tubes, where };
  layouts.set(skills, layout);
  return layout;
}

/** Groups the target skills per tube and folds the answers and kept KEs into likelihoods. */
export function collectTubeEvidence(state: SelectionState, pool: ChallengePool): TubeEvidence[] {
  const { tubes: layout, where } = layoutOf(state.skills);
  const tubes = layout.map((tube) => ({
    tubeId: tube.tubeId,
    competenceId: tube.competenceId,
    skills: tube.skills,
    levels: tube.levels,
    statuses: new Int8Array(tube.skills.length),
    likelihood: new Float64Array(tube.skills.length + 1).fill(1),
    abilityHint: new Float64Array(tube.skills.length + 1).fill(1),
    informed: false,
    askable: [] as (readonly ChallengeCandidate[])[],
  }));

  // Earlier KEs, per tube: the highest validated and the lowest invalidated skill say it all
  // (the others were inferred from them), and which skills hold an earlier KE at all.
  const floors = new Int32Array(tubes.length).fill(-1);
  const ceilings = new Int32Array(tubes.length).fill(-1);
  const earlier = new Set<SkillId>();
  for (const fact of state.knowledge) {
    const at = where.get(fact.skillId);
    const tube = at && tubes[at.tube];
    if (!at || !tube) continue;
    const validated = fact.status === 'validated';
    tube.statuses[at.index] = validated ? VALIDATED : INVALIDATED;
    // This assessment's KEs only restate its answers, which are counted below.
    if (fact.fromThisAssessment) continue;
    earlier.add(fact.skillId);
    tube.informed = true;
    if (validated) floors[at.tube] = Math.max(floors[at.tube] ?? -1, at.index);
    else if ((ceilings[at.tube] ?? -1) < 0 || at.index < (ceilings[at.tube] ?? -1)) ceilings[at.tube] = at.index;
  }
  tubes.forEach((tube, t) => {
    const floor = floors[t] ?? -1;
    const ceiling = ceilings[t] ?? -1;
    const above = tube.skills[floor + 1];
    const forgotten = floor >= 0 && above !== undefined && !earlier.has(above.id);
    for (let h = 0; h <= tube.skills.length; h++) {
      let factor = 1;
      if (floor >= 0 && h <= floor) factor *= EARLIER_EVIDENCE_DOUBT;
      if (ceiling >= 0 && h > ceiling) factor *= EARLIER_EVIDENCE_DOUBT;
      tube.likelihood[h] = (tube.likelihood[h] ?? 0) * factor;
      if (forgotten && h > floor + 1) tube.abilityHint[h] = FORGOTTEN_FAILURE_DOUBT;
    }
  });

  for (const answer of state.answers) {
    const challenge = pool.byId.get(answer.challengeId);
    const at = challenge && where.get(challenge.skillId);
    const tube = at && tubes[at.tube];
    if (!challenge || !at || !tube) continue;
    tube.informed = true;
    const ok = answer.result === 'ok';
    const guess = GUESS[challenge.type];
    for (let h = 0; h <= tube.skills.length; h++) {
      const pOk = h > at.index ? 1 - SLIP : guess;
      tube.likelihood[h] = (tube.likelihood[h] ?? 0) * (ok ? pOk : 1 - pOk);
    }
  }

  for (const tube of tubes) {
    if (tube.informed) {
      let max = 0;
      for (const value of tube.likelihood) if (value > max) max = value;
      if (max > 0) for (let h = 0; h < tube.likelihood.length; h++) tube.likelihood[h] = (tube.likelihood[h] ?? 0) / max;
    }
    for (let i = 0; i < tube.skills.length; i++) {
      const skill = tube.skills[i];
      tube.askable.push(skill && tube.statuses[i] === UNTESTED ? pool.remaining(skill.id) : []);
    }
  }
  return tubes;
}
