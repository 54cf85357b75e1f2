import { challengeId, competenceId, skillId, tubeId } from '../brand';
import type { ChallengeType } from '../answer-checking';
import { irtParametersOf } from '../irt/parameters';
import { withPixValues, type Bank, type BankChallenge, type BankSkill, type BankTube } from './bank';

/** The few fields of a compiled content release that the benchmark reads. */
export interface ReleaseLike {
  readonly competences: readonly { readonly id: string; readonly origin: string }[];
  readonly tubes: readonly { readonly id: string; readonly competenceId: string }[];
  readonly skills: readonly {
    readonly id: string;
    readonly tubeId: string;
    readonly level: number;
    readonly status: string;
  }[];
  readonly challenges: readonly {
    readonly id: string;
    readonly skillId: string;
    readonly type: string;
    readonly status: string;
    readonly locales: readonly string[];
    readonly timer?: number;
    readonly irt?: { readonly difficulty: number; readonly discrimination: number };
  }[];
}

const CHALLENGE_TYPES: ReadonlySet<string> = new Set(['QCU', 'QCM', 'QROC', 'QROCM-ind', 'QROCM-dep']);

/**
 * Bank B1: the reference content pack as a campaign sees it (active skills of core
 * competences, operative French challenges), with the IRT parameters of `irtParametersOf`
 * (calibrated, else derived from the skill level), which B1's campaign engines do not use.
 */
export function bankFromRelease(release: ReleaseLike): Bank {
  const core = release.competences.filter((competence) => competence.origin === 'jalon');
  const competenceIndex = new Map(core.map((competence, index) => [competence.id, index]));
  const levelBySkill = new Map(release.skills.map((skill) => [skill.id, skill.level]));
  const challengesBySkill = new Map<string, BankChallenge[]>();
  for (const challenge of release.challenges) {
    if (challenge.status !== 'validated' && challenge.status !== 'archived') continue;
    if (!challenge.locales.some((locale) => locale === 'fr' || locale === 'fr-FR')) continue;
    if (!CHALLENGE_TYPES.has(challenge.type)) continue;
    const list = challengesBySkill.get(challenge.skillId) ?? [];
    list.push({
      id: challengeId(challenge.id),
      skillId: skillId(challenge.skillId),
      status: challenge.status,
      locales: challenge.locales,
      timed: challenge.timer !== undefined,
      type: challenge.type as ChallengeType,
      irt: irtParametersOf(challenge, levelBySkill.get(challenge.skillId) ?? 0),
    });
    challengesBySkill.set(challenge.skillId, list);
  }
  const tubes: BankTube[] = [];
  const tubeCount = new Map<string, number>();
  for (const tube of release.tubes) {
    const c = competenceIndex.get(tube.competenceId);
    if (c === undefined) continue;
    const skills: BankSkill[] = release.skills
      .filter((skill) => skill.tubeId === tube.id && skill.status === 'active')
      .map((skill) => ({
        id: skillId(skill.id),
        tubeId: tubeId(tube.id),
        competenceId: competenceId(tube.competenceId),
        level: skill.level,
        pixValue: 0,
        challenges: challengesBySkill.get(skill.id) ?? [],
      }))
      .filter((skill) => skill.challenges.length > 0)
      .sort((a, b) => a.level - b.level);
    if (skills.length === 0) continue;
    const tubeIndex = tubeCount.get(tube.competenceId) ?? 0;
    tubeCount.set(tube.competenceId, tubeIndex + 1);
    tubes.push({
      id: tubeId(tube.id),
      competenceId: competenceId(tube.competenceId),
      competenceIndex: c,
      tubeIndex,
      skills,
      maxLevel: skills[skills.length - 1]?.level ?? 0,
    });
  }
  return { name: 'B1', tubes: withPixValues(tubes) };
}
