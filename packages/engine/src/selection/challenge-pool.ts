import type { ChallengeId, SkillId } from '../brand';
import { acceptedLocales } from './locales';
import type { ChallengeCandidate, SelectionState } from './types';

/** The challenges a learner could still receive, grouped by skill. */
export interface ChallengePool {
  /** Per skill, its unanswered challenges in an accepted locale. */
  readonly remaining: ReadonlyMap<SkillId, readonly ChallengeCandidate[]>;
  /** Skills that had a challenge in an accepted locale before answered ones were dropped. */
  readonly withChallenges: ReadonlySet<SkillId>;
  /** Every candidate challenge by id, answered ones included. */
  readonly byId: ReadonlyMap<ChallengeId, ChallengeCandidate>;
}

/** Groups the state's challenges per skill, dropping other locales and answered challenges. */
export function buildChallengePool(state: SelectionState): ChallengePool {
  const accepted = new Set(acceptedLocales(state.locale));
  const answered = new Set<ChallengeId>();
  for (const answer of state.answers) answered.add(answer.challengeId);
  const remaining = new Map<SkillId, ChallengeCandidate[]>();
  const withChallenges = new Set<SkillId>();
  const byId = new Map<ChallengeId, ChallengeCandidate>();
  for (const challenge of state.challenges) {
    byId.set(challenge.id, challenge);
    if (!challenge.locales.some((locale) => accepted.has(locale))) continue;
    withChallenges.add(challenge.skillId);
    if (answered.has(challenge.id)) continue;
    const list = remaining.get(challenge.skillId);
    if (list) list.push(challenge);
    else remaining.set(challenge.skillId, [challenge]);
  }
  return { remaining, withChallenges, byId };
}

/**
 * The challenges a skill's pick is drawn from (spec §6.4): those in the learner's exact locale
 * if any (else all accepted ones), `validated` ones only if any, sorted by id.
 */
export function preferredChallenges(
  challenges: readonly ChallengeCandidate[],
  locale: string,
): readonly ChallengeCandidate[] {
  const exact = challenges.filter((challenge) => challenge.locales.includes(locale));
  const inLocale = exact.length > 0 ? exact : challenges;
  const validated = inLocale.filter((challenge) => challenge.status === 'validated');
  const pool = validated.length > 0 ? validated : inLocale;
  return [...pool].sort((a, b) => compareIds(a.id, b.id));
}

/** Orders ids by UTF-16 code units, the same on every server whatever its locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
