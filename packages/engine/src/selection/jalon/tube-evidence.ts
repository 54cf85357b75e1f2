import type { CompetenceId, SkillId, TubeId } from '../../brand';
import type { ChallengeCandidate, ChallengeType, SelectionState, TargetSkill } from '../types';
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

/** Status of a target skill in this assessment: validated, invalidated or untested. */
export const VALIDATED = 1;
export const INVALIDATED = -1;
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
  /** Whether any answer or earlier KE bears on the tube. */
  readonly informed: boolean;
  /** Per skill, the challenges that may still be served (empty when not askable). */
  readonly askable: readonly (readonly ChallengeCandidate[])[];
}

/** Groups the target skills per tube and folds the answers and kept KEs into likelihoods. */
export function collectTubeEvidence(state: SelectionState, pool: ChallengePool): TubeEvidence[] {
  const skillsByTube = new Map<TubeId, TargetSkill[]>();
  for (const skill of state.skills) {
    const list = skillsByTube.get(skill.tubeId);
    if (list) list.push(skill);
    else skillsByTube.set(skill.tubeId, [skill]);
  }
  const where = new Map<SkillId, { tube: number; index: number }>();
  const tubes: {
    tubeId: TubeId;
    skills: TargetSkill[];
    statuses: Int8Array;
    likelihood: Float64Array;
    informed: boolean;
  }[] = [];
  for (const [tubeId, skills] of skillsByTube) {
    skills.sort((a, b) => a.level - b.level);
    skills.forEach((skill, index) => where.set(skill.id, { tube: tubes.length, index }));
    tubes.push({
      tubeId,
      skills,
      statuses: new Int8Array(skills.length),
      likelihood: new Float64Array(skills.length + 1).fill(1),
      informed: false,
    });
  }

  for (const fact of state.knowledge) {
    const at = where.get(fact.skillId);
    const tube = at && tubes[at.tube];
    if (!at || !tube) continue;
    const validated = fact.status === 'validated';
    tube.statuses[at.index] = validated ? VALIDATED : INVALIDATED;
    // This assessment's KEs only restate its answers, which are counted below.
    if (fact.fromThisAssessment) continue;
    tube.informed = true;
    for (let h = 0; h <= tube.skills.length; h++) {
      const agrees = validated ? h > at.index : h <= at.index;
      if (!agrees) tube.likelihood[h] = (tube.likelihood[h] ?? 0) * EARLIER_EVIDENCE_DOUBT;
    }
  }

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

  return tubes.map((tube) => {
    const max = Math.max(...tube.likelihood);
    if (max > 0) for (let h = 0; h < tube.likelihood.length; h++) tube.likelihood[h] = (tube.likelihood[h] ?? 0) / max;
    const first = tube.skills[0];
    return {
      tubeId: tube.tubeId,
      competenceId: first ? first.competenceId : ('' as CompetenceId),
      skills: tube.skills,
      levels: tube.skills.map((skill) => skill.level),
      statuses: tube.statuses,
      likelihood: tube.likelihood,
      informed: tube.informed,
      askable: tube.skills.map((skill, index) =>
        tube.statuses[index] === UNTESTED ? (pool.remaining.get(skill.id) ?? []) : [],
      ),
    };
  });
}
