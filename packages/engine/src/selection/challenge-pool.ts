import type { ChallengeId, SkillId } from '../brand';
import { acceptedLocales } from './locales';
import type { ChallengeCandidate, SelectionState } from './types';

/** The challenges a learner could still receive, grouped by skill. */
export interface ChallengePool {
  /** A skill's unanswered challenges in an accepted locale (empty when none is left). */
  remaining(skill: SkillId): readonly ChallengeCandidate[];
  /** Whether a skill had a challenge in an accepted locale before answered ones were dropped. */
  hasChallenges(skill: SkillId): boolean;
  /** Every candidate challenge by id, answered ones included. */
  readonly byId: ReadonlyMap<ChallengeId, ChallengeCandidate>;
}

interface LocaleIndex {
  readonly bySkill: ReadonlyMap<SkillId, readonly ChallengeCandidate[]>;
  readonly byId: ReadonlyMap<ChallengeId, ChallengeCandidate>;
}

/**
 * Content is immutable once loaded, so its per-locale grouping is computed once per challenge
 * list (keyed by identity) instead of on every call: it is most of a call's work otherwise.
 */
const localeIndexes = new WeakMap<readonly ChallengeCandidate[], Map<string, LocaleIndex>>();

function localeIndex(challenges: readonly ChallengeCandidate[], locale: string): LocaleIndex {
  let byLocale = localeIndexes.get(challenges);
  if (!byLocale) {
    byLocale = new Map();
    localeIndexes.set(challenges, byLocale);
  }
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const accepted = new Set(acceptedLocales(locale));
  const bySkill = new Map<SkillId, ChallengeCandidate[]>();
  const byId = new Map<ChallengeId, ChallengeCandidate>();
  for (const challenge of challenges) {
    byId.set(challenge.id, challenge);
    if (!challenge.locales.some((l) => accepted.has(l))) continue;
    const list = bySkill.get(challenge.skillId);
    if (list) list.push(challenge);
    else bySkill.set(challenge.skillId, [challenge]);
  }
  const index = { bySkill, byId };
  byLocale.set(locale, index);
  return index;
}

/** Groups the state's challenges per skill, dropping other locales and answered challenges. */
export function buildChallengePool(state: SelectionState): ChallengePool {
  const { bySkill, byId } = localeIndex(state.challenges, state.locale);
  const answered = new Set<ChallengeId>();
  const answeredSkills = new Set<SkillId>();
  for (const answer of state.answers) {
    answered.add(answer.challengeId);
    const challenge = byId.get(answer.challengeId);
    if (challenge) answeredSkills.add(challenge.skillId);
  }
  return {
    byId,
    hasChallenges: (skill) => bySkill.has(skill),
    remaining(skill) {
      const list = bySkill.get(skill) ?? [];
      // Unanswered skills get the index's own array, which keeps `preferredChallenges` cached.
      return answeredSkills.has(skill) ? list.filter((challenge) => !answered.has(challenge.id)) : list;
    },
  };
}

/**
 * The challenges a skill's pick is drawn from (spec §6.4): those in the learner's exact locale
 * if any (else all accepted ones), `validated` ones only if any, sorted by id.
 */
export function preferredChallenges(
  challenges: readonly ChallengeCandidate[],
  locale: string,
): readonly ChallengeCandidate[] {
  // Unanswered skills pass the content's own arrays, so their answer is computed once.
  let byLocale = preferredCache.get(challenges);
  if (!byLocale) {
    byLocale = new Map();
    preferredCache.set(challenges, byLocale);
  }
  const cached = byLocale.get(locale);
  if (cached) return cached;
  const preferred = computePreferred(challenges, locale);
  byLocale.set(locale, preferred);
  return preferred;
}

const preferredCache = new WeakMap<readonly ChallengeCandidate[], Map<string, readonly ChallengeCandidate[]>>();

function computePreferred(challenges: readonly ChallengeCandidate[], locale: string): readonly ChallengeCandidate[] {
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
